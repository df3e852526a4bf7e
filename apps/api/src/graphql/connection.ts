import { Page } from '@yvc/core';

/** Turns a domain page into a Relay-style connection. */
export function toConnection<T>(page: Page<T>) {
  const edges = page.items.map((node) => ({ node, cursor: page.cursorOf(node) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
    totalCount: page.totalCount,
  };
}
