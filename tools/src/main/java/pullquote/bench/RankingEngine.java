package pullquote.bench;

import java.io.IOException;

/** A search that the relevance benchmark puts its queries to. */
public interface RankingEngine {

  /** The first page of hits for the query's search-box text. */
  RankedAnswer answer(RelevanceQuery query) throws IOException;
}
