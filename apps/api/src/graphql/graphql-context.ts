import type { Locale } from '@yvc/core';
import type { Actor } from '@yvc/identity';
import type { Request, Response } from 'express';
import type { Loaders } from './loaders';

export interface GqlRequest extends Request {
  user?: Actor;
}

export interface GqlContext {
  req: GqlRequest;
  res: Response;
  locale: Locale;
  loaders: Loaders;
}
