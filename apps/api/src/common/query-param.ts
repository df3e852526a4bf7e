import { ArgumentMetadata, Injectable, PipeTransform, Query } from '@nestjs/common';
import { validationFailed } from '@yvc/core';

/**
 * A query parameter is one string or absent. Express reads `?token=a&token=b` as an array (and
 * could read `?token[x]=` as an object): either is BAD_USER_INPUT naming the parameter, before
 * the handler sees it.
 */
@Injectable()
export class SingleValuePipe implements PipeTransform<unknown, string | undefined> {
  transform(value: unknown, meta: ArgumentMetadata): string | undefined {
    if (value === undefined || typeof value === 'string') return value;
    throw validationFailed([{ field: meta.data ?? 'query', key: 'validation.singleValue' }]);
  }
}

/** `@QueryParam('token') token: string | undefined`: use it instead of `@Query` on every HTTP route. */
export const QueryParam = (name: string) => Query(name, SingleValuePipe);
