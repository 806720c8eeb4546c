import type { GraphQLResolveInfo } from 'graphql';
import type { ResearcherModel, ResearcherConnectionModel, ResearcherEdgeModel } from '../modules/researcher/mappers.js';
import type { GraphQLContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
};

/** An object with a globally unique, opaque id, which `Query.node` fetches. */
export type Node = {
  /** The object's global id. */
  id: Scalars['ID']['output'];
};

/** Pagination details of a connection (Relay cursor connections). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of the page; null on an empty page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** True when items follow this page (when paging forward with `first`). */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when items precede this page (when paging backward with `last`). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first item of the page; null on an empty page. */
  startCursor: Maybe<Scalars['String']['output']>;
};

/** The API's entry points. */
export type Query = {
  __typename?: 'Query';
  /** The researcher with this slug, or null. */
  researcher: Maybe<Researcher>;
  /** Researchers, ordered by name. Pages hold 20 items by default, 100 at most. */
  researchers: ResearcherConnection;
};


/** The API's entry points. */
export type QueryResearcherArgs = {
  slug: Scalars['String']['input'];
};


/** The API's entry points. */
export type QueryResearchersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A person: a lab member with a profile page, or a co-author seen on one. */
export type Researcher = Node & {
  __typename?: 'Researcher';
  /** Other spellings of the name seen on profiles. */
  aliases: Array<Scalars['String']['output']>;
  /** Global id. */
  id: Scalars['ID']['output'];
  /** True when the person has a profile page of their own at the lab. */
  isMember: Scalars['Boolean']['output'];
  /** The name as the person's profile writes it (or the best spelling seen). */
  name: Scalars['String']['output'];
  /** ORCID identifier, when known. */
  orcid: Maybe<Scalars['String']['output']>;
  /** Organisation, e.g. `Samsung SAIT`. */
  organization: Maybe<Scalars['String']['output']>;
  /** Position in English, e.g. `Independent visiting researcher`; null for co-authors without a profile. */
  position: Maybe<Scalars['String']['output']>;
  /** Position in French, e.g. `Visiteur de recherche indépendant`. */
  positionFr: Maybe<Scalars['String']['output']>;
  /** URL-safe identifier derived from the name, e.g. `aristide-baratin`. */
  slug: Scalars['String']['output'];
};

/** A page of researchers. */
export type ResearcherConnection = {
  __typename?: 'ResearcherConnection';
  /** The items of the page with their cursors. */
  edges: Array<ResearcherEdge>;
  /** The items of the page. */
  nodes: Array<Researcher>;
  /** Where this page stands. */
  pageInfo: PageInfo;
  /** Number of items in the whole list, all pages together. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of a researcher connection. */
export type ResearcherEdge = {
  __typename?: 'ResearcherEdge';
  /** Opaque cursor of this item, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The researcher. */
  node: Researcher;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;




/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  Node: ( ResearcherModel );
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Researcher: ResolverTypeWrapper<ResearcherModel>;
  ResearcherConnection: ResolverTypeWrapper<ResearcherConnectionModel>;
  ResearcherEdge: ResolverTypeWrapper<ResearcherEdgeModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Boolean: Scalars['Boolean']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  Researcher: ResearcherModel;
  ResearcherConnection: ResearcherConnectionModel;
  ResearcherEdge: ResearcherEdgeModel;
  String: Scalars['String']['output'];
}>;

export type NodeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = ResolversObject<{
  __resolveType: TypeResolveFn<'Researcher', ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  researcher?: Resolver<Maybe<ResolversTypes['Researcher']>, ParentType, ContextType, RequireFields<QueryResearcherArgs, 'slug'>>;
  researchers?: Resolver<ResolversTypes['ResearcherConnection'], ParentType, ContextType, Partial<QueryResearchersArgs>>;
}>;

export type ResearcherResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Researcher'] = ResolversParentTypes['Researcher']> = ResolversObject<{
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isMember?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orcid?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  organization?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  positionFr?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ResearcherConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ResearcherConnection'] = ResolversParentTypes['ResearcherConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ResearcherEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Researcher']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ResearcherEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ResearcherEdge'] = ResolversParentTypes['ResearcherEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Researcher'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = GraphQLContext> = ResolversObject<{
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Researcher?: ResearcherResolvers<ContextType>;
  ResearcherConnection?: ResearcherConnectionResolvers<ContextType>;
  ResearcherEdge?: ResearcherEdgeResolvers<ContextType>;
}>;

