import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import { ApiErrorCode, DomainError, localeFromAcceptLanguage } from '@yvc/core';
import type { Request, Response } from 'express';
import { presentDomainError } from '../graphql/error-presenter';

const STATUS: Record<ApiErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * Expected failures are not logged as crashes: in GraphQL they go on to the error presenter
 * unchanged; on plain HTTP routes they become a JSON body with the same code and message.
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(err: DomainError, host: ArgumentsHost) {
    if (host.getType<GqlContextType>() === 'graphql') return err;
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const body = presentDomainError(err, localeFromAcceptLanguage(req.headers['accept-language']));
    if (err.retryAfterSeconds) res.setHeader('Retry-After', String(err.retryAfterSeconds));
    res.status(STATUS[err.code]).json({ error: body });
  }
}
