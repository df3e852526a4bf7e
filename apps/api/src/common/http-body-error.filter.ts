import { ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';
import { CommonError, commonError } from '@yvc/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendHttpError } from './domain-error.filter';

/** The HTTP layer's refusals of a body (Fastify's, before any route runs), by status. */
const BODY_ERRORS: Record<number, CommonError> = {
  400: CommonError.INVALID_REQUEST_BODY,
  413: CommonError.REQUEST_TOO_LARGE,
  415: CommonError.INVALID_REQUEST_BODY,
};

/**
 * A body the HTTP layer refuses (not JSON, too large, a type it does not read) is answered like any
 * other bad input: BAD_USER_INPUT with a message in the caller's language (sendHttpError), not
 * Fastify's English `{statusCode, message}`. Any other HttpException keeps Nest's handling.
 */
@Catch(HttpException)
export class HttpBodyErrorFilter extends BaseExceptionFilter {
  override catch(err: HttpException, host: ArgumentsHost) {
    if (host.getType<GqlContextType>() === 'graphql') return err;
    const reason = BODY_ERRORS[err.getStatus()];
    if (!reason) return super.catch(err, host);
    const http = host.switchToHttp();
    sendHttpError(
      http.getRequest<FastifyRequest>(),
      http.getResponse<FastifyReply>(),
      commonError(reason),
      err.getStatus(),
    );
  }
}
