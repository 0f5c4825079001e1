/**
 * Critic and work profiles: what a critic's reviews say about the critic (how generous, how often
 * with the consensus) and what a work's reviews say about the work (a verdict, pull quotes),
 * computed from any backend's reviews and tallies and kept per index generation.
 */
package pullquote.search.profile;
