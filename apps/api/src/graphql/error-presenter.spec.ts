import {
  BadRequestException,
  ForbiddenException,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import {
  ApiErrorCode,
  FieldProblems,
  commonError,
  CommonError,
  DomainError,
  Locale,
  rateLimited,
} from '@yvc/core';
import { GraphQLError } from 'graphql';
import { presentGraphQLError } from './error-presenter';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function fakeLog() {
  return { error: jest.fn<void, [object, string]>() };
}

/** A GraphQLError as graphql-js makes it when a resolver throws `originalError`. */
function resolverError(originalError: Error, path: (string | number)[] = ['signUp']): GraphQLError {
  return new GraphQLError(originalError.message, { originalError, path });
}

function signUpProblems(): DomainError {
  const problems = new FieldProblems()
    .add('fullName', 'validation.tooShort', { min: 2 })
    .add('email', 'validation.invalidEmail');
  try {
    problems.throwIfAny();
  } catch (err) {
    return err as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('presentGraphQLError', () => {
  describe('a DomainError', () => {
    it.each([
      ['en', 'Some fields need fixing.', ['Must be at least 2 characters.', 'Enter a valid email address.']],
      [
        'ru',
        'Исправьте отмеченные поля.',
        ['Не короче 2 символа.', 'Введите корректный адрес электронной почты.'],
      ],
      [
        'kk',
        'Белгіленген өрістерді түзетіңіз.',
        ['Кемінде 2 таңба болуы керек.', 'Дұрыс электрондық пошта мекенжайын енгізіңіз.'],
      ],
    ] as const)(
      'is BAD_USER_INPUT with translated field messages in %s',
      (locale, message, [nameMsg, emailMsg]) => {
        const log = fakeLog();
        const result = presentGraphQLError(resolverError(signUpProblems()), locale, log);
        expect(result).toEqual({
          message,
          path: ['signUp'],
          locations: undefined,
          extensions: {
            code: 'BAD_USER_INPUT',
            reason: 'VALIDATION_FAILED',
            fields: [
              { field: 'fullName', message: nameMsg },
              { field: 'email', message: emailMsg },
            ],
          },
        });
        expect(log.error).not.toHaveBeenCalled();
      },
    );

    it.each([
      ['en', 'Not found.'],
      ['ru', 'Не найдено.'],
      ['kk', 'Табылмады.'],
    ] as const)('keeps its code, without fields, in %s', (locale, message) => {
      const result = presentGraphQLError(
        resolverError(commonError(CommonError.NOT_FOUND)),
        locale,
        fakeLog(),
      );
      expect(result.message).toBe(message);
      expect(result.extensions).toEqual({ code: ApiErrorCode.NOT_FOUND, reason: 'NOT_FOUND' });
    });

    it('passes retryAfter on for RATE_LIMITED', () => {
      const result = presentGraphQLError(resolverError(rateLimited(29.2)), 'en', fakeLog());
      expect(result.message).toBe('Too many attempts. Try again in 30 s.');
      expect(result.extensions).toEqual({ code: 'RATE_LIMITED', reason: 'RATE_LIMITED', retryAfter: 30 });
    });
  });

  describe('an unexpected error', () => {
    const IIN = '990115300426';
    const EMAIL = 'aigerim.sarsen@mail.kz';

    function queryFailed(): Error {
      const err = new Error(
        `duplicate key value violates unique constraint "members_email_key": INSERT INTO members (email, iin) VALUES ('${EMAIL}', $2)`,
      );
      err.name = 'QueryFailedError';
      return Object.assign(err, {
        query: 'INSERT INTO members (email, iin_hash) VALUES ($1, $2)',
        parameters: [EMAIL, IIN],
        code: '23505',
      });
    }

    it.each(['en', 'ru', 'kk'] as Locale[])(
      'is INTERNAL_SERVER_ERROR with only an errorId in %s',
      (locale) => {
        const log = fakeLog();
        const result = presentGraphQLError(resolverError(queryFailed()), locale, log);

        expect(result.extensions).toEqual({
          code: 'INTERNAL_SERVER_ERROR',
          errorId: expect.stringMatching(UUID_RE),
        });
        const errorId = result.extensions!.errorId as string;
        expect(result.message).toContain(errorId);
        expect(result.message).not.toMatch(/INSERT|duplicate|members_email_key/);
        expect(result.message).not.toContain(EMAIL);
        expect(JSON.stringify(result)).not.toContain(EMAIL);
      },
    );

    it('logs the same errorId, without the query parameters', () => {
      const log = fakeLog();
      const result = presentGraphQLError(resolverError(queryFailed()), 'en', log);

      expect(log.error).toHaveBeenCalledTimes(1);
      const [logged] = log.error.mock.calls[0];
      expect(logged).toMatchObject({ errorId: result.extensions!.errorId, path: ['signUp'] });
      expect(logged).toHaveProperty('err.type', 'QueryFailedError');
      expect(logged).toHaveProperty('err.code', '23505');
      const text = JSON.stringify(logged);
      expect(text).not.toContain('parameters');
      expect(text).not.toContain(IIN);
    });

    it('gives every error its own errorId', () => {
      const a = presentGraphQLError(resolverError(new Error('boom')), 'en', fakeLog());
      const b = presentGraphQLError(resolverError(new Error('boom')), 'en', fakeLog());
      expect(a.extensions!.errorId).not.toBe(b.extensions!.errorId);
    });

    it('does not let a resolver error through because of an Apollo code', () => {
      const err = new GraphQLError('secret detail', {
        originalError: new Error('secret detail'),
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const result = presentGraphQLError(err, 'en', fakeLog());
      expect(result.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
      expect(result.message).not.toContain('secret detail');
    });

    it('treats a bare GraphQLError (graphql-js: parse, validation, variables) as BAD_USER_INPUT', () => {
      const log = fakeLog();
      const result = presentGraphQLError(
        new GraphQLError('Variable "$c" of required type "String!" was not provided.'),
        'en',
        log,
      );
      expect(result.extensions!.code).toBe('BAD_USER_INPUT');
      expect(log.error).not.toHaveBeenCalled();
    });
  });

  describe('a malformed query', () => {
    it.each(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'])('%s becomes BAD_USER_INPUT', (code) => {
      const log = fakeLog();
      const err = new GraphQLError('Cannot query field "iin" on type "Unit".', {
        extensions: { code },
      });
      const result = presentGraphQLError(err, 'en', log);
      expect(result.message).toBe(
        'The request is not valid GraphQL: Cannot query field "iin" on type "Unit".',
      );
      expect(result.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_QUERY', fields: [] });
      expect(log.error).not.toHaveBeenCalled();
    });
  });

  describe('a Nest HttpException', () => {
    it.each([
      [
        '400',
        'BAD_USER_INPUT',
        new BadRequestException('Bad input'),
        'The request is not valid GraphQL: Bad input',
      ],
      ['401', 'UNAUTHENTICATED', new UnauthorizedException(), 'Please log in.'],
      ['403', 'FORBIDDEN', new ForbiddenException(), 'You do not have access to this.'],
      ['404', 'NOT_FOUND', new NotFoundException(), 'Not found.'],
    ])('HTTP %s becomes %s', (_status, code, exception, message) => {
      const result = presentGraphQLError(resolverError(exception), 'en', fakeLog());
      expect(result.extensions!.code).toBe(code);
      expect(result.message).toBe(message);
    });
  });
});

describe('suggestions in production', () => {
  const messages = [
    'Cannot query field "cod" on type "Unit". Did you mean "code"?',
    'Value "PUBLISHD" does not exist in "EventStatus" enum. Did you mean the enum value "PUBLISHED"?',
    'Variable "$i" got invalid value { fulName: "x" }; Field "fulName" is not defined by type "SignUpInput". Did you mean "fullName"?',
    'Unknown type "EventFiltr". Did you mean "EventFilter", "EventStatus", or "EventKind"?',
  ];

  it.each(messages)('hides the hint in %j', (message) => {
    const hidden = presentGraphQLError(new GraphQLError(message), 'en', fakeLog(), { hideSuggestions: true });
    expect(hidden.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_QUERY' });
    expect(hidden.message).not.toMatch(/did you mean/i);
    expect(hidden.message).toContain(message.slice(0, 20));
    expect(presentGraphQLError(new GraphQLError(message), 'en', fakeLog()).message).toContain('Did you mean');
  });
});
