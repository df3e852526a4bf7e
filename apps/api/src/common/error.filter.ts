import { ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';
import { CommonError, DomainError, commonError } from '@yvc/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { safeErrorSummary } from '../graphql/error-presenter';
import { sendHttpError } from './http-errors';

/** The HTTP layer's refusals of a request body (Fastify's, before any route runs), by status. */
const BODY_ERRORS: Record<number, CommonError> = {
  400: CommonError.INVALID_REQUEST_BODY,
  413: CommonError.REQUEST_TOO_LARGE,
  415: CommonError.INVALID_REQUEST_BODY,
};

/**
 * Every failure of a plain HTTP route (GraphQL's go on unchanged to the error presenter):
 * - a DomainError: its code, reason and message in the caller's language (sendHttpError);
 * - a body Fastify refused (not JSON, too large, a type it does not read), which Nest hands on as
 *   a plain HttpException (its own exceptions are subclasses): BAD_USER_INPUT the same way;
 * - any other HttpException (an unknown route's 404): Nest's handling, as before;
 * - a stream closed early because the client went away: logged at debug, nothing sent;
 * - anything else: INTERNAL_SERVER_ERROR with an errorId in the message, logged with the request
 *   id and personal data masked (as the GraphQL presenter does), never the error's own text.
 */
@Catch()
export class ErrorFilter extends BaseExceptionFilter {
  override catch(err: unknown, host: ArgumentsHost) {
    if (host.getType<GqlContextType>() === 'graphql') return err;
    const http = host.switchToHttp();
    const req = http.getRequest<FastifyRequest & { yvcLog?: Logger }>();
    const res = http.getResponse<FastifyReply>();
    if (err instanceof DomainError) return sendHttpError(req, res, err);
    if (err instanceof HttpException) {
      const reason =
        Object.getPrototypeOf(err) === HttpException.prototype ? BODY_ERRORS[err.getStatus()] : undefined;
      if (!reason) return super.catch(err, host);
      return sendHttpError(req, res, commonError(reason), err.getStatus());
    }
    // the client went away mid-answer (a browser leaving a page while a compressed file streams):
    // nobody to answer, nothing went wrong on our side
    if ((err as { code?: unknown } | null)?.code === 'ERR_STREAM_PREMATURE_CLOSE') {
      req.yvcLog?.debug({ url: req.url }, 'client closed the connection before the answer ended');
      return;
    }
    const errorId = randomUUID();
    req.yvcLog?.error({ errorId, err: safeErrorSummary(err) }, 'unexpected error');
    if (!res.sent) sendHttpError(req, res, commonError(CommonError.INTERNAL, { errorId }), 500);
  }
}
