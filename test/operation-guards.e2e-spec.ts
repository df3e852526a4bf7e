import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLObjectType } from 'graphql';
import { IS_PUBLIC, ROLES } from '../apps/api/src/common/decorators';
import { TestApi } from './helpers/test-api';

/** Every Query and Mutation declares who may call it: @Public() or @Roles(...). */
describe('operation guards', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  function declarations(): Map<string, string> {
    const found = new Map<string, string>();
    for (const module of api.app.get(ModulesContainer).values()) {
      for (const wrapper of module.providers.values()) {
        const instance = wrapper.instance as object | undefined;
        if (!instance || typeof instance !== 'object') continue;
        const proto = Object.getPrototypeOf(instance);
        for (const key of Object.getOwnPropertyNames(proto)) {
          const method = Object.getOwnPropertyDescriptor(proto, key)?.value;
          if (typeof method !== 'function') continue;
          const type = Reflect.getMetadata('graphql:resolver_type', method) as string | undefined;
          if (type !== 'Query' && type !== 'Mutation') continue;
          const name = (Reflect.getMetadata('graphql:resolver_name', method) as string | undefined) ?? key;
          const isPublic =
            Reflect.getMetadata(IS_PUBLIC, method) ?? Reflect.getMetadata(IS_PUBLIC, proto.constructor);
          const roles = Reflect.getMetadata(ROLES, method) ?? Reflect.getMetadata(ROLES, proto.constructor);
          found.set(`${type}.${name}`, isPublic ? 'public' : roles?.length ? roles.join(',') : 'NONE');
        }
      }
    }
    return found;
  }

  it('no served operation lacks a declaration', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const ops = (['Query', 'Mutation'] as const).flatMap((t) =>
      Object.keys((schema.getType(t) as GraphQLObjectType).getFields()).map((f) => `${t}.${f}`),
    );
    const declared = declarations();
    const missing = ops.filter((op) => !declared.has(op) || declared.get(op) === 'NONE');
    expect(missing).toEqual([]);
    expect(ops.length).toBeGreaterThan(10);
  });

  it('only the contract’s public operations are public', () => {
    const publicOps = [...declarations()]
      .filter(([, d]) => d === 'public')
      .map(([op]) => op)
      .sort();
    const allowed = [
      'Query.units',
      'Query.unit',
      'Query.club',
      'Query.badgeClasses',
      'Query.verifyCertificate',
      'Mutation.signUp',
      'Mutation.login',
      'Mutation.refreshToken',
      // the web app's events pages for visitors: published events, no registrant data
      'Query.publicEvents',
      'Query.publicEvent',
      // account mail links work without a session
      'Mutation.requestPasswordReset',
      'Mutation.resetPassword',
      'Mutation.verifyEmail',
      // the sign-up form's consent text
      'Query.consentText',
    ];
    expect(publicOps.filter((op) => !allowed.includes(op))).toEqual([]);
  });

  it('an operation without a token is refused with UNAUTHENTICATED, not answered', async () => {
    const res = await api.gql(`{ exportMyData }`);
    expect(res.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(res.data).toBeNull();
  });
});
