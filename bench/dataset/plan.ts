import { allocate } from './allocate';
import { below, chance, heavyTail, Zipf } from './random';
import { DatasetSize } from './size';
import { COMMON_WORD_SHARE, RARE_WORD_ANSWERS } from './vocabulary';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** The independent random facts of the community: one stream each, so none shifts another. */
export enum Stream {
  ThreadAuthor = 1,
  ThreadTime,
  ThreadSpan,
  Answers,
  Accepted,
  Router,
  ThreadText,
  PostAuthor,
  PostText,
  KudosWeight,
  KudosGivers,
  KudosTime,
  Correction,
  IdeaAuthor,
  IdeaText,
  Voters,
  VoteTime,
  ProductQuality,
  Reviewers,
  Rating,
  ReviewText,
  Helpful,
  HelpfulMarkers,
  CaseMember,
  CaseShape,
  FlagCount,
  FlagReporters,
  FlagReason,
}

/** Members by index (member1 is index 0): member2, member3 and member4 are staff. */
export const AGENT = 1;
export const MODERATOR = 2;
export const PRODUCT_MANAGER = 3;

/** Care segments by member index: a business customer's vote weighs 3, a VIP's 5. */
export const SEGMENTS = [
  { key: 'business', name: 'Business', hours: 8, weight: 3, holds: (m: number) => m % 25 === 7 },
  { key: 'vip', name: 'VIP', hours: 2, weight: 5, holds: (m: number) => m % 100 === 11 },
] as const;

/** The idea-vote weight of member `m`: their segment's, or 1. */
export function voteWeightOf(m: number): number {
  return SEGMENTS.find((segment) => segment.holds(m))?.weight ?? 1;
}

/** A vote's TRENDING weight, as libs/ideas trending.ts defines it: halved every 2 days, 0 after 7. */
function trendingWeight(ageMs: number): number {
  const days = Math.max(ageMs, 0) / DAY_MS;
  return days > 7 ? 0 : 0.5 ** (days / 2);
}

/** The smallest prime at least `from` that does not divide `n`: a step that visits all of 0..n-1. */
function coprimeStep(n: number, from: number): number {
  const prime = (k: number) => {
    for (let d = 2; d * d <= k; d++) if (k % d === 0) return false;
    return true;
  };
  let step = from;
  while (!prime(step) || n % step === 0) step++;
  return step;
}

/**
 * Everything about the community that has to agree across tables, decided before a row is
 * written: how many answers each thread has and which is accepted, the kudos of each answer,
 * the votes of each idea, and the counters that follow from them (reputation, solutions, vote
 * sums, trending scores, rating aggregates). Per-row facts are typed arrays (a few MB at the
 * large scale); everything else is recomputed from the stateless random streams when written.
 */
export class CommunityPlan {
  /** The moment the community is built up to; every timestamp is before it. */
  readonly now = Date.now();
  readonly posts: number;
  /** The viral thread: old, with activity up to now and the most answers. */
  readonly hotThread: number;
  readonly hotAnswer: number;
  readonly answers: Int32Array;
  readonly firstPost: Int32Array;
  /** Per thread, which of its answers is accepted (0-based), or -1. */
  readonly accepted: Int32Array;
  readonly kudos: Int32Array;
  readonly reputation: Int32Array;
  readonly acceptedSolutions: Int32Array;
  readonly votes: Int32Array;
  readonly weightedVotes: Int32Array;
  readonly trending: Float64Array;
  /** Per product and star 1..5, the published reviews. */
  readonly ratings: Int32Array;
  readonly rareAnswers: ReadonlySet<number>;
  private readonly authors: Zipf;
  private readonly memberStep: number;

  constructor(readonly size: DatasetSize) {
    const { members, threads } = size;
    this.authors = new Zipf(members, 0.8);
    this.memberStep = coprimeStep(members, 7919);
    this.posts = threads * size.answersPerThread;
    this.hotThread = Math.floor(threads * 0.37);
    this.answers = this.answersPerThread();
    this.firstPost = new Int32Array(threads);
    for (let t = 1; t < threads; t++)
      this.firstPost[t] = this.firstPost[t - 1] + this.answers[t - 1];
    this.accepted = new Int32Array(threads).fill(-1);
    for (let t = 0; t < threads; t++) {
      if (this.answers[t] > 0 && chance(Stream.Accepted, t) < 0.35) {
        this.accepted[t] = below(Math.min(this.answers[t], 5), Stream.Accepted, t, 1);
      }
    }
    this.accepted[this.hotThread] = 0;
    this.hotAnswer = this.firstPost[this.hotThread];
    this.kudos = this.kudosPerPost();
    this.reputation = new Int32Array(members);
    this.acceptedSolutions = new Int32Array(members);
    this.countReputation();
    const rare = new Set<number>();
    for (let k = 1; k <= RARE_WORD_ANSWERS && k < this.posts; k++) {
      rare.add(Math.floor((this.posts * k) / (RARE_WORD_ANSWERS + 1)));
    }
    this.rareAnswers = rare;
    this.votes = allocate(
      Math.min(size.ideaVotes, size.ideas * members),
      Float64Array.from(
        { length: size.ideas },
        (_, i) => 1 / (i + 1) + (this.isTrendingNow(i) ? 1 / 20 : 0),
      ),
      members,
    );
    this.weightedVotes = new Int32Array(size.ideas);
    this.trending = new Float64Array(size.ideas);
    this.countVotes();
    this.ratings = new Int32Array(size.products * 5);
    for (let p = 0; p < size.products; p++) {
      for (let j = 0; j < size.reviewsPerProduct; j++)
        this.ratings[p * 5 + this.rating(p, j) - 1]++;
    }
  }

  /** The member at popularity rank `rank`, spread over the member indexes. */
  private memberAtRank(rank: number): number {
    return (rank * this.memberStep + 3) % this.size.members;
  }

  /** Who wrote item `index` of `stream`: a few prolific members write much, most a little. */
  authorOf(stream: Stream, index: number): number {
    if (chance(stream, index) < 0.3) return below(this.size.members, stream, index, 1);
    return this.memberAtRank(this.authors.rank(chance(stream, index, 2)));
  }

  /** Member number `j` of a run of distinct members starting at a random one for `index`. */
  memberInRun(stream: Stream, index: number, j: number): number {
    return (below(this.size.members, stream, index) + j) % this.size.members;
  }

  threadCreatedAt(t: number): number {
    const year = 365 * DAY_MS;
    return (
      this.now -
      year +
      Math.floor((t * (year - DAY_MS)) / this.size.threads) +
      below(HOUR_MS, Stream.ThreadTime, t)
    );
  }

  /** How long after its question a thread's last answer came. */
  private threadSpan(t: number): number {
    const untilNow = this.now - MINUTE_MS - this.threadCreatedAt(t);
    if (t === this.hotThread) return untilNow;
    return Math.min(untilNow, (0.05 + 20 * chance(Stream.ThreadSpan, t) ** 4) * DAY_MS);
  }

  /** When answer `j` of thread `t` was posted: evenly over the thread's span. */
  answerAt(t: number, j: number): number {
    return this.threadCreatedAt(t) + Math.floor((this.threadSpan(t) * (j + 1)) / this.answers[t]);
  }

  lastActivityAt(t: number): number {
    return this.answers[t] > 0 ? this.answerAt(t, this.answers[t] - 1) : this.threadCreatedAt(t);
  }

  /** The thread that answer `p` belongs to. */
  threadOfPost(p: number): number {
    let low = 0;
    let high = this.size.threads - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.firstPost[middle] <= p) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  mentionsRouter(t: number): boolean {
    return chance(Stream.Router, t) < COMMON_WORD_SHARE;
  }

  /** The `rating` (1..5) of review `j` of product `p`: mostly 5s and 4s, fewer for weak products. */
  rating(p: number, j: number): number {
    const u =
      chance(Stream.Rating, p * this.size.reviewsPerProduct + j) *
      (0.7 + 0.3 * chance(Stream.ProductQuality, p));
    return u < 0.13 ? 1 : u < 0.2 ? 2 : u < 0.3 ? 3 : u < 0.55 ? 4 : 5;
  }

  ideaCreatedAt(i: number): number {
    const span = 400 * DAY_MS;
    return this.now - span + Math.floor((i * (span - DAY_MS)) / this.size.ideas);
  }

  /**
   * Four newer ideas are taking off now: a share of votes like the 20th idea's, most of them in
   * the last three days, so TRENDING leads with them while TOP leads with the old favourites.
   */
  isTrendingNow(i: number): boolean {
    const { ideas } = this.size;
    return ideas >= 8 && i >= ideas / 2 && i % Math.floor(ideas / 8) === 0;
  }

  /** When vote `j` on idea `i` was cast: most soon after the idea, interest fading since. */
  voteAt(i: number, j: number): number {
    const created = this.ideaCreatedAt(i);
    const u = chance(Stream.VoteTime, i, j);
    if (this.isTrendingNow(i) && u < 0.6) return this.now - Math.floor((u / 0.6) * 3 * DAY_MS);
    return created + Math.floor(u ** 4 * (this.now - created));
  }

  private answersPerThread(): Int32Array {
    const { threads, answersPerThread, hotThreadAnswers } = this.size;
    const weights = new Float64Array(threads);
    for (let t = 0; t < threads; t++)
      weights[t] = heavyTail(chance(Stream.Answers, t), answersPerThread);
    weights[this.hotThread] = 0;
    const hot = Math.min(hotThreadAnswers, this.posts);
    const counts = allocate(this.posts - hot, weights, Math.max(1, Math.floor(hot / 2)));
    counts[this.hotThread] = hot;
    return counts;
  }

  /** Kudos per answer: heavy-tailed, accepted solutions favoured, the hot answer far ahead. */
  private kudosPerPost(): Int32Array {
    const { members, kudos } = this.size;
    const weights = new Float64Array(this.posts);
    for (let t = 0; t < this.size.threads; t++) {
      for (let j = 0; j < this.answers[t]; j++) {
        const p = this.firstPost[t] + j;
        const base = heavyTail(chance(Stream.KudosWeight, p), 1, 2.2);
        weights[p] = j === this.accepted[t] ? 3 * base + 2 : base;
      }
    }
    weights[this.hotAnswer] = 0;
    const hot = Math.min(this.size.hotAnswerKudos, members - 1, kudos);
    const counts = allocate(kudos - hot, weights, members - 1);
    counts[this.hotAnswer] = hot;
    return counts;
  }

  /** +10 a kudo received, +15 and a solution per accepted answer on someone else's thread. */
  private countReputation(): void {
    for (let t = 0; t < this.size.threads; t++) {
      for (let j = 0; j < this.answers[t]; j++) {
        const p = this.firstPost[t] + j;
        const author = this.authorOf(Stream.PostAuthor, p);
        this.reputation[author] += 10 * this.kudos[p];
        if (j === this.accepted[t] && author !== this.authorOf(Stream.ThreadAuthor, t)) {
          this.reputation[author] += 15;
          this.acceptedSolutions[author]++;
        }
      }
    }
  }

  private countVotes(): void {
    for (let i = 0; i < this.size.ideas; i++) {
      let weighted = 0;
      let trending = 0;
      for (let j = 0; j < this.votes[i]; j++) {
        weighted += voteWeightOf(this.memberInRun(Stream.Voters, i, j));
        trending += trendingWeight(this.now - this.voteAt(i, j));
      }
      this.weightedVotes[i] = weighted;
      this.trending[i] = trending;
    }
  }
}
