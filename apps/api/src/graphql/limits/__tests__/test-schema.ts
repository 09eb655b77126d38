import { buildSchema, getIntrospectionQuery, type GraphQLError, parse, validate, type ValidationRule } from 'graphql';

/** A small schema shaped like Dyad's: connections with `first`, plain lists, an interface, a union. */
export const schema = buildSchema(`
  type Query {
    countries(codes: [String!]): [Country!]!
    meetings(first: Int = 20, after: String): MeetingConnection!
    meeting(id: ID!): Meeting
    node(id: ID!): Node
    search(text: String!): [SearchResult!]!
    unpaged: ProposalConnection!
  }
  type Mutation { logOutcome(id: ID!, text: String!): Meeting! }
  interface Node { id: ID! }
  union SearchResult = Meeting | Country
  enum Status { OPEN DONE }
  type Country { code: String! name: String! neighbours: [Country!]! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type MeetingConnection { totalCount: Int! nodes: [Meeting!]! edges: [MeetingEdge!]! pageInfo: PageInfo! }
  type MeetingEdge { cursor: String! node: Meeting! }
  type Meeting implements Node {
    id: ID!
    status: Status!
    countries: [Country!]!
    proposals(first: Int = 20): ProposalConnection!
    related: Meeting
  }
  type ProposalConnection { totalCount: Int! nodes: [Proposal!]! }
  type Proposal implements Node { id: ID! kind: String! meeting: Meeting! }
`);

export const introspectionQuery = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true });

/** Only our rule's errors: the document must otherwise be valid, which the spec rules check first. */
export function check(query: string, rule: ValidationRule): readonly GraphQLError[] {
  const document = parse(query);
  const specErrors = validate(schema, document);
  if (specErrors.length) throw new Error(`test query is not valid: ${specErrors[0].message}`);
  return validate(schema, document, [rule]);
}
