/** A request URL's path, without the query string. */
export function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

/** /graphql and what the router takes for it (any case, a trailing slash, GET with a query). */
export function isGraphqlPath(url: string): boolean {
  return pathOf(url).toLowerCase().startsWith('/graphql');
}
