export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

/**
 * True when the Accept header prefers `application/graphql-response+json` to `application/json`
 * (GraphQL over HTTP); no Accept, `*∕*` or plain JSON keep the legacy `application/json`.
 */
export function prefersGraphqlResponseJson(accept: string | undefined): boolean {
  if (!accept) return false;
  let graphqlQuality = 0;
  let jsonQuality = 0;
  for (const part of accept.split(',')) {
    const [type, ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const quality = q ? Number(q.slice(2)) || 0 : 1;
    if (type === GRAPHQL_RESPONSE_JSON) graphqlQuality = Math.max(graphqlQuality, quality);
    else if (type === 'application/json' || type === 'application/*' || type === '*/*') jsonQuality = Math.max(jsonQuality, quality);
  }
  return graphqlQuality > 0 && graphqlQuality >= jsonQuality;
}
