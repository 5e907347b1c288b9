/** How big a community the generator builds; `bench/options.ts` names the scales. */
export interface DatasetSize {
  members: number;
  threads: number;
  /** The mean: threads × answersPerThread answers in all, spread by a power law. */
  answersPerThread: number;
  /** Answers of the one hot thread (the viral one), part of the total. */
  hotThreadAnswers: number;
  /** Kudos on answers in all, the hot answer's included. */
  kudos: number;
  /** Kudos on the hot answer (the hot thread's accepted solution). */
  hotAnswerKudos: number;
  /** Care cases, a tenth of them unresolved, with two messages each. */
  cases: number;
  /** Ideas on one IDEAS board. */
  ideas: number;
  /** Votes on ideas in all: the r-th idea's share falls as 1 / r, at most every member. */
  ideaVotes: number;
  /** Products, each reviewed by `reviewsPerProduct` different members. */
  products: number;
  reviewsPerProduct: number;
  /** Answers flagged by members and waiting in the moderation queue. */
  flaggedAnswers: number;
}
