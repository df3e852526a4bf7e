import type { MessageParams } from '../errors/domain-error';

export type Message = string | ((p: MessageParams) => string);

/** Every key must exist in every locale: the English catalogue defines the key set. */
export type Catalogue = Record<string, Message>;
