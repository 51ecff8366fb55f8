#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <random>
#include <thread>

#include "cluster/clusters.hpp"
#include "scholarmerge/dedupe.hpp"
#include "match/evidence.hpp"
#include "match/model.hpp"
#include "match/repair.hpp"
#include "match/title_keys.hpp"
#include "match/index.hpp"
#include "match/indel.hpp"
#include "match/record.hpp"
#include "scholarmerge/names/parse.hpp"

using namespace scholarmerge;

static std::size_t naive_lcs(const std::string& a, const std::string& b) {
    std::vector<std::size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

TEST(Indel, MatchesTheTextbookLcsOnRandomStringsOfAllLengths) {
    std::mt19937 rng(42);
    for (int round = 0; round < 300; ++round) {
        auto make = [&](std::size_t n) {
            std::string s;
            for (std::size_t i = 0; i < n; ++i) s += static_cast<char>('a' + rng() % 4);
            return s;
        };
        std::string a = make(rng() % 200), b = make(rng() % 200);  // crosses the 64-character word size
        CachedIndel cached(a);
        ASSERT_EQ(cached.lcs(b), naive_lcs(a, b)) << a << " / " << b;
        EXPECT_DOUBLE_EQ(indel_similarity(a, b), indel_similarity(b, a));
    }
    EXPECT_DOUBLE_EQ(indel_similarity("", ""), 1.0);
    EXPECT_DOUBLE_EQ(indel_similarity("abc", ""), 0.0);
}

TEST(Indel, AScoreCutoffGivesZeroBelowItAndTheScoreAtOrAbove) {
    std::mt19937 rng(7);
    for (int round = 0; round < 300; ++round) {
        auto make = [&](std::size_t n) {
            std::string s;
            for (std::size_t i = 0; i < n; ++i) s += static_cast<char>('a' + rng() % 3);
            return s;
        };
        const std::string a = make(rng() % 150), b = make(rng() % 150);
        const double cutoff = static_cast<double>(rng() % 101) / 100.0;
        const double full = indel_similarity(a, b);
        EXPECT_DOUBLE_EQ(indel_similarity(a, b, cutoff), full >= cutoff ? full : 0.0) << a << " / " << b;
    }
}

TEST(Indel, OneCachedScorerIsSharedByThreads) {
    const std::string query = "efficient query processing in spatial databases";
    const CachedIndel cached(query);
    const std::vector<std::string> others{"efficient query processing for spatial data", "a survey of graph neural networks",
                                          "efficient query processing in spatial databases"};
    std::vector<double> expected;
    for (const auto& o : others) expected.push_back(indel_similarity(query, o));
    std::vector<std::thread> threads;
    std::vector<int> wrong(4, 0);
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int k = 0; k < 2000; ++k)
                for (std::size_t i = 0; i < others.size(); ++i) wrong[t] += cached.similarity(others[i]) != expected[i];
        });
    for (auto& th : threads) th.join();
    EXPECT_EQ(wrong, (std::vector<int>(4, 0)));
}

static MatchRecord record(const std::string& title, int year = 0, const std::string& venue = "") {
    Work w;
    w.title = title;
    w.year = year ? std::optional<int>(year) : std::nullopt;
    w.venue = venue;
    return make_match_record(w);
}

TEST(Evidence, GuardsAndVenueKinds) {
    EXPECT_NE(guard(record("ZeroQuant: Efficient Quantization"), record("ZeroQuant-V2: Efficient Quantization")), nullptr);
    EXPECT_NE(guard(record("ZeroQuant-FP: A Study"), record("ZeroQuant-HERO: A Study")), nullptr);
    EXPECT_NE(guard(record("Networks, Part I"), record("Networks, Part II")), nullptr);
    EXPECT_EQ(guard(record("HAWQV3: Dyadic Quantization"), record("HAWQ-V3: Dyadic Quantization")), nullptr);
    EXPECT_EQ(guard(record("TerraServer: A Data Warehouse"), record("Microsoft TerraServer: a data warehouse")), nullptr);
    EXPECT_EQ(guard(record("Results of 1992: a review of things"), record("Results of: a review of things")), nullptr);
    EXPECT_EQ(venue_kind("VLDB J."), VenueKind::journal);
    EXPECT_EQ(venue_kind("in proc. 21st acm symposium on theory of computing"), VenueKind::proceedings);
    EXPECT_EQ(venue_kind("arXiv"), VenueKind::preprint);
    // Journals whose names say nothing of a journal, when the venue is that name.
    EXPECT_EQ(venue_kind("machine learning 14(1)"), VenueKind::journal);
    EXPECT_EQ(venue_kind("in Information and Computation, to appear"), VenueKind::journal);
    EXPECT_EQ(venue_kind("Machine Learning: Proceedings of the Thirteenth International Conference"), VenueKind::proceedings);
    EXPECT_EQ(venue_kind("Proc. International Conference on Machine Learning"), VenueKind::proceedings);
    EXPECT_EQ(venue_kind("machine learning: from theory to applications"), VenueKind::unknown);
    EXPECT_EQ(venue_kind("Advances in Neural Information Processing Systems 5"), VenueKind::proceedings);
    MatchPolicy p;
    EXPECT_FALSE(compatible(record("A Title Here", 2001, "SIGMOD Conference"), record("A Title Here", 2002, "VLDB Journal"), p));
    EXPECT_FALSE(compatible(record("A Title Here", 1990), record("A Title Here", 1995), p));
    EXPECT_TRUE(compatible(record("A Title Here", 2020, "arXiv"), record("A Title Here", 2021, "Proc. ICML"), p));
}

TEST(Evidence, AThesisIsNotThePaperDrawnFromIt) {
    EXPECT_EQ(venue_kind("Master's thesis, MIT"), VenueKind::thesis);
    EXPECT_EQ(venue_kind("PhD dissertation, University of California"), VenueKind::thesis);
    EXPECT_EQ(venue_kind("Proceedings of the SIGIR Doctoral Consortium"), VenueKind::proceedings);
    MatchPolicy p;
    auto thesis = record("Diversity-Based Inference of Finite Automata", 1988, "Master's thesis");
    EXPECT_FALSE(compatible(thesis, record("Diversity-Based Inference of Finite Automata", 1987, "Proc. 28th FOCS"), p));
    EXPECT_FALSE(compatible(thesis, record("Diversity-Based Inference of Finite Automata", 1988, "J. ACM"), p));
    EXPECT_TRUE(compatible(thesis, record("Diversity-Based Inference of Finite Automata", 1988, "Technical Report MIT/LCS/TR-413"), p));
    EXPECT_TRUE(compatible(thesis, record("Diversity-Based Inference of Finite Automata", 1988), p));
}

TEST(Evidence, ANoteAboutAnotherVersionIsNotTheVenue) {
    // The journal version's venue field says where its extended abstract appeared.
    EXPECT_EQ(venue_kind("An extended abstract appeared in Proceedings of the 30th FOCS"), VenueKind::unknown);
    EXPECT_EQ(venue_kind("Information and Computation. A preliminary version of this paper appeared in COLT 88"),
              VenueKind::journal);
    EXPECT_EQ(venue_kind("CHI Extended Abstracts, Proceedings of the Conference"), VenueKind::proceedings);
    EXPECT_EQ(record("Efficient learning", 0, "J. Comput. Syst. Sci.; an earlier version appeared in Proc. 1989 FOCS").year, 0);
    EXPECT_EQ(record("Efficient learning", 0, "Proc. 1989 FOCS").year, 1989);
}

TEST(Clusters, LabelsAreFirstRowsAndIndependentOfEdgeOrder) {
    std::vector<Edge> edges{{0, 2, 0.9}, {2, 5, 0.95}, {1, 3, 0.99}};
    auto yes = [](std::uint32_t, std::uint32_t) { return true; };
    auto none = [](std::uint32_t, std::uint32_t) {};
    auto a = cluster_edges(6, edges, yes, none);
    std::reverse(edges.begin(), edges.end());
    auto b = cluster_edges(6, edges, yes, none);
    EXPECT_EQ(a, b);
    EXPECT_EQ(a, (std::vector<std::int64_t>{0, 1, 0, 1, 4, 0}));
    // A refusal keeps groups apart.
    auto refuse = [](std::uint32_t x, std::uint32_t y) { return !(x == 0 && y == 2) && !(x == 2 && y == 0); };
    auto c = cluster_edges(6, edges, refuse, none);
    EXPECT_NE(c[0], c[2]);
}

TEST(Dedupe, ThreadCountDoesNotChangeLabels) {
    std::vector<Work> works;
    std::mt19937 rng(7);
    const char* words[] = {"deep", "learning", "quantization", "graph", "neural", "network", "efficient", "model"};
    for (int i = 0; i < 3000; ++i) {
        Work w;
        for (int k = 0; k < 5; ++k) w.title += std::string(words[rng() % 8]) + (k < 4 ? " " : "");
        w.title += " " + std::to_string(i % 900);
        works.push_back(w);
    }
    DedupeOptions one, two;
    one.threads = 1;
    two.threads = 2;
    EXPECT_EQ(dedupe(works, one), dedupe(works, two));
}

TEST(Evidence, CitationFieldsGiveTitleYearAndVenue) {
    // The year of an author-year remnant, or one in the venue text, when the record has none.
    EXPECT_EQ(record("Seung (1995). Learning from a population of hypotheses").year, 1995);
    EXPECT_EQ(record("Learning from a population of hypotheses", 0, "Proc. of the 1993 Workshop on COLT").year, 1993);
    EXPECT_EQ(record("Learning from a population of hypotheses", 1994, "Proc. of the 1993 Workshop on COLT").year, 1994);
    // The venue cut from the title's end gives the kind when there is no venue.
    EXPECT_EQ(record("Rigorous learning curve bounds from statistical mechanics' Proceedings of COLT-94").venue,
              VenueKind::proceedings);
    EXPECT_EQ(record("Rigorous learning curve bounds from statistical mechanics' Proceedings of COLT-94").title,
              record("Rigorous Learning Curve Bounds from Statistical Mechanics").title);
}

// The decision under the documented priors, as probability - 0.5: >= 0 is the same work.
static double score(const MatchRecord& a, const MatchRecord& b) {
    std::vector<MatchRecord> r{a, b};
    repair_fields(r);
    return explain(r[0], r[1], MatchModel::defaults()).probability - 0.5;
}

static MatchRecord by(const std::string& title, const std::string& authors, int year) {
    Work w;
    w.title = title;
    w.authors = parse_author_list(authors).authors;
    w.year = year;
    return make_match_record(w);
}

TEST(Evidence, SubtitlesDroppedButNotOtherWorksInside) {
    // A subtitle dropped: the shorter title's words, in order, inside the longer.
    EXPECT_GE(score(by("Observations on the ODMG-93 Proposal", "A. Alashqur", 1994),
                    by("Observations on the ODMG-93 Proposal for an Object-Oriented Database Language", "A. Alashqur", 1994)), 0);
    EXPECT_GE(score(by("Boosting the Margin", "R. Schapire, Y. Freund, P. Bartlett", 1997),
                    by("Boosting the Margin: A New Explanation for the Effectiveness of Voting Methods",
                       "R. Schapire, Y. Freund, P. Bartlett", 1997)), 0);
    // Its letters are all in the longer title, its word "weak" is not.
    EXPECT_LT(score(by("On the Sample Complexity of Weak Learning", "S. Goldman, M. Kearns, R. Schapire", 1990),
                    by("Bounds on the Sample Complexity of Bayesian Learning Using Information Theory and the VC Dimension",
                       "D. Haussler, M. Kearns, R. Schapire", 1991)), 0);
    // A short main title alone is not enough.
    EXPECT_LT(score(by("ZeroQuant", "Z. Yao", 2022), by("ZeroQuant: Efficient and Affordable Post-Training Quantization", "Z. Yao", 2022)), 0);
}

TEST(Clusters, ARecordMatchingTwoVersionsEquallyJoinsTheOneMostOfItsMatchesBelongTo) {
    // Two versions the chain check keeps apart (1988 and 1991), and a citation
    // without a year that matches every record of both equally well.
    std::vector<MatchRecord> r;
    for (int year : {1988, 1988, 1991, 1991, 1991, 0}) r.push_back(by("Equivalence of Models for Polynomial Learnability", "D. Haussler, M. Kearns", year));
    std::vector<Edge> edges{{0, 1, 0.9}, {2, 3, 0.9}, {2, 4, 0.9}, {3, 4, 0.9}};
    for (std::uint32_t i = 0; i < 5; ++i) edges.push_back({i, 5, 0.9});
    EXPECT_EQ(shared_neighbours(6, {{0, 1, 0.9}, {1, 2, 0.9}}), (std::vector<double>{2.0 / 3, 2.0 / 3}));
    EXPECT_EQ(shared_neighbours(3, {{0, 1, 0.9}, {1, 2, 0.9}, {0, 1, 0.8}}), (std::vector<double>{2.0 / 3, 2.0 / 3, 2.0 / 3}));
    auto labels = cluster_matches(r, edges, MatchPolicy{});
    EXPECT_EQ(labels, (std::vector<std::int64_t>{0, 0, 2, 2, 2, 2}));
}

TEST(Evidence, AThreeWordTitleInsideALongerOneNeedsTwoPeopleAndTheSameYear) {
    auto shorter = by("Toward Agnostic Learning", "M. Kearns, R. Schapire, L. Sellie", 0);
    EXPECT_GE(score(shorter, by("Toward Efficient Agnostic Learning", "M. Kearns, R. Schapire, L. Sellie", 1992)), 0);
    EXPECT_LT(score(shorter, by("Toward Efficient Agnostic Learning", "M. Kearns", 1992)), 0);
    // A demonstration of a system is not the paper a year before it.
    EXPECT_LT(score(by("Watermarking Relational Databases", "R. Agrawal, J. Kiernan", 2002),
                    by("A System for Watermarking Relational Databases", "R. Agrawal, P. Haas, J. Kiernan", 2003)), 0);
}

TEST(Evidence, AgreementOrdersEqualTitles) {
    auto a = by("A Title of Some Length", "A. Smith, B. Jones", 1995);
    auto same_year = by("A Title of Some Length", "A. Smith, B. Jones", 1995);
    auto next_year = by("A Title of Some Length", "A. Smith, B. Jones", 1996);
    EXPECT_GT(score(a, same_year), score(a, next_year));
    EXPECT_GE(score(a, next_year), 0);
    EXPECT_LE(score(a, same_year), 1.0);
}

static MatchRecord printed(const std::string& title, int year, const std::string& venue, const std::string& pages) {
    Work w;
    w.title = title;
    w.authors = parse_author_list("R. Rivest, R. Schapire").authors;
    w.year = year ? std::optional<int>(year) : std::nullopt;
    w.venue = venue;
    if (!pages.empty()) w.extra["pages"] = pages;
    return make_match_record(w);
}

TEST(Evidence, PageRangesAreReadFromWhatCitationsWrite) {
    auto range = [](const char* s) {
        PageRange r = page_range(s);
        return std::make_pair(r.first, r.last);
    };
    using P = std::pair<std::uint32_t, std::uint32_t>;
    EXPECT_EQ(range("pp. 299-347."), P(299, 347));
    EXPECT_EQ(range("pages 411-420,"), P(411, 420));
    EXPECT_EQ(range("pp.299-347"), P(299, 347));
    EXPECT_EQ(range("103 , 299-347."), P(299, 347));     // the volume before the range
    EXPECT_EQ(range("103(2):299--347"), P(299, 347));
    EXPECT_EQ(range("119 \xE2\x80\x93 139"), P(119, 139)); // an en dash
    EXPECT_EQ(range("(pp. 23-37)."), P(23, 37));
    EXPECT_EQ(range("pages 2337,"), P(0, 0));            // the dash lost: no range
    EXPECT_EQ(range("904"), P(0, 0));
    EXPECT_EQ(range("pages 24.1-24.10,"), P(0, 0));      // a chapter's pages are not page numbers
    EXPECT_EQ(range("347-299"), P(0, 0));
    EXPECT_EQ(range(""), P(0, 0));
    EXPECT_EQ(range("99999999999-99999999999"), P(0, 0));  // too long to be a page
}

TEST(Evidence, TheSamePagesForgiveAWrongYearOrVenueKind) {
    MatchPolicy p;
    const std::string title = "Inference of Finite Automata Using Homing Sequences";
    auto cited_1993 = printed(title, 1993, "Information and Computation", "299-347");
    auto cited_1997 = printed(title, 1997, "Information and Computation", "pp. 299-347,");
    EXPECT_TRUE(compatible(cited_1993, cited_1997, p));
    EXPECT_GE(score(cited_1993, cited_1997), 0);
    // Without pages, or with other pages, four years apart are two works.
    EXPECT_FALSE(compatible(printed(title, 1993, "Information and Computation", ""), cited_1997, p));
    EXPECT_FALSE(compatible(printed(title, 1993, "Information and Computation", "1-20"), cited_1997, p));
    // The conference version has its own pages.
    auto conference = printed(title, 1989, "Proc. 21st STOC", "411-420");
    EXPECT_FALSE(compatible(conference, cited_1993, p));
    EXPECT_TRUE(compatible(printed(title, 1989, "Information and Computation", "411-420"), conference, p));
}

TEST(Clusters, ARecordWithAGroupsPagesJoinsItDespiteItsYear) {
    // 1993 citations, some without pages, and one of 1997 with the same pages:
    // the pair check passes for those with pages, and the group check trusts them.
    const std::string title = "Inference of Finite Automata Using Homing Sequences";
    std::vector<MatchRecord> r{printed(title, 1993, "Information and Computation", "299-347"),
                               printed(title, 1993, "Information and Computation", ""),
                               printed(title, 1997, "Information and Computation", "299-347"),
                               printed(title, 1989, "Proc. 21st STOC", "411-420")};
    std::vector<Edge> edges{{0, 1, 0.99}, {0, 2, 0.99}, {1, 3, 0.9}};
    EXPECT_EQ(cluster_matches(r, edges, MatchPolicy{}), (std::vector<std::int64_t>{0, 0, 0, 3}));
    // Without the pages the 1997 citation stays apart.
    r[2] = printed(title, 1997, "Information and Computation", "");
    EXPECT_EQ(cluster_matches(r, edges, MatchPolicy{}), (std::vector<std::int64_t>{0, 0, 2, 3}));
}

TEST(Evidence, AStrayNumberInATitleIsNotAVersion) {
    const std::string title = "Weakly Learning DNF and Characterizing Statistical Query Learning Using Fourier Analysis";
    // A footnote mark or page number leaked into one citation, or into both.
    EXPECT_EQ(guard(record(title), record("Weakly Learning DNF 10 and Characterizing Statistical Query Learning Using Fourier Analysis")), nullptr);
    EXPECT_EQ(guard(record("Weakly 8 Learning DNF and Characterizing Statistical Query Learning Using Fourier Analysis"),
                    record("Weakly Learning DNF 10 and Characterizing Statistical Query Learning Using Fourier Analysis")), nullptr);
    // Numbers that number things, or differ on both sides in place, or name a system, or end a title, stay versions.
    EXPECT_NE(guard(record("Deep Structures for Learning: Part 2 of a Survey"), record("Deep Structures for Learning: Part of a Survey")), nullptr);
    EXPECT_NE(guard(record("The Top 10 Algorithms in Data Mining"), record("The Top 20 Algorithms in Data Mining")), nullptr);
    EXPECT_NE(guard(record("ZeroQuant(4+2): Redefining LLMs Quantization"), record("ZeroQuant: Redefining LLMs Quantization")), nullptr);
    EXPECT_NE(guard(record("Learning Deep Structures of Networks 2"), record("Learning Deep Structures of Networks")), nullptr);
    // Words with letters and digits are versions even inside.
    EXPECT_NE(guard(record("Learning with the v2 Architecture for Speech"), record("Learning with the Architecture for Speech")), nullptr);
}

TEST(Evidence, ANumberSpelledOutIsTheSameNumber) {
    const std::string tail = " Networks for Unsupervised Learning of Distributions on Binary Vectors";
    EXPECT_EQ(guard(record("Using 2-Layer" + tail), record("Using Two Layer" + tail)), nullptr);
    EXPECT_EQ(guard(record("Using 2-Layer" + tail), record("Using Two-Layer" + tail)), nullptr);
    EXPECT_NE(guard(record("Using 2-Layer" + tail), record("Using 3-Layer" + tail)), nullptr);
    EXPECT_NE(guard(record("Using 2-Layer" + tail), record("Using Three Layer" + tail)), nullptr);
    EXPECT_NE(guard(record("Using 2D" + tail), record("Using Two D" + tail)), nullptr);  // "2d" is no spelled compound
}

TEST(Evidence, EditorsAreNotTheVenue) {
    // "J. E. Moody" is an editor, not a journal; an edited volume collects papers.
    EXPECT_EQ(venue_kind("912-919 in Neural Information Processing Systems 4, edited by J. E. Moody, S. J. Hanson"),
              VenueKind::proceedings);
    EXPECT_EQ(venue_kind("Foundations of Knowledge Acquisition, edited by J. Smith"), VenueKind::proceedings);
    EXPECT_EQ(venue_kind("J. Mach. Learn. Res."), VenueKind::journal);
    // The proceedings of COLT and EuroCOLT are titled "Computational Learning Theory".
    EXPECT_EQ(venue_kind("in Computational Learning Theory"), VenueKind::proceedings);
}

TEST(Evidence, AnErratumOrAddendumIsNotTheWorkItIsAbout) {
    const std::string title = "A Database Model for Object Dynamics";
    for (const std::string& about : {"Erratum: " + title, "Erratum-" + title, "Erratum \xE2\x80\x93 " + title,
                                     "Addendum to " + title, "Correction to " + title, "Comments on " + title})
        EXPECT_NE(guard(record(title), record(about)), nullptr) << about;
    EXPECT_EQ(guard(record("Erratum-" + title), record("Erratum: " + title)), nullptr);
    // A work about correcting errors is a work.
    EXPECT_EQ(guard(record("Correction of Errors in Databases"), record("Correction of errors in databases")), nullptr);
    EXPECT_FALSE(record("Correction of Errors in Databases").correction);
}

TEST(Evidence, ABibtexNoteNamesTheVenueOfAWorkWithoutOne) {
    Work w;
    w.title = "Selective Sampling Using the Query by Committee Algorithm";
    w.extra["note"] = std::string("to appear in Machine Learning");
    EXPECT_EQ(make_match_record(w).venue, VenueKind::journal);
    w.venue = "Proc. NIPS";  // the venue, when there is one, is the record's own
    EXPECT_EQ(make_match_record(w).venue, VenueKind::proceedings);
    w.venue.clear();
    w.extra["note"] = std::string("unpublished manuscript");
    EXPECT_EQ(make_match_record(w).venue, VenueKind::preprint);
}

TEST(CandidateIndex, ATitleMeetsTheRecordsWithItAsTheirMainTitle) {
    // Three words of fourteen: far below any Jaccard threshold.
    std::vector<MatchRecord> records{
        record("Boosting the Margin: A New Explanation for the Effectiveness of Voting Methods"),
        record("Something Else Entirely Different"), record("Boosting the Margin")};
    CandidateIndex index(records, 0.35);
    CandidateScratch scratch;
    std::vector<std::uint32_t> got;
    index.candidates(2, scratch, [&](std::uint32_t y) { got.push_back(y); });
    EXPECT_EQ(got, (std::vector<std::uint32_t>{0}));
}

TEST(CandidateIndex, TitlesScannedWithLettersThatPrintAlikeMeetTheirCleanCopies) {
    EXPECT_EQ(print_skeleton("influencing databasc language 5tandards"), print_skeleton("influencing database language standards"));
    EXPECT_EQ(print_skeleton("spatio ternporal retrieval witb rasdaman"), print_skeleton("spatio temporal retrieval with rasdaman"));
    EXPECT_EQ(print_skeleton("edit0rs n0tes"), print_skeleton("editors notes"));
    EXPECT_NE(print_skeleton("query optimization"), print_skeleton("query evaluation"));
    // Two of four words misread: 2 of 6 shared, below the Jaccard bound as written.
    std::vector<MatchRecord> records{record("Influencing Database Language Standards"), record("Something Else Entirely"),
                                     record("Influencing Databasc Language 5tandards")};
    CandidateIndex index(records, 0.35);
    CandidateScratch scratch;
    std::vector<std::uint32_t> got;
    index.candidates(2, scratch, [&](std::uint32_t y) { got.push_back(y); });
    EXPECT_EQ(got, (std::vector<std::uint32_t>{0}));
}

TEST(CandidateIndex, TitlesOneWordApartMeetWhenTheirWordSetsAreFragile) {
    // Over a thousand titles share four words, which leaves each its own two
    // as its word set: one typo there is below the Jaccard bound (1 of 3).
    std::vector<std::string> titles;
    for (int i = 0; i < 1100; ++i) titles.push_back("alpha beta gamma delta u" + std::to_string(i) + " v" + std::to_string(i));
    const std::size_t first = titles.size();
    titles.insert(titles.end(), {
        "alpha beta gamma delta kalomin tiseho", "alpha beta gamma delta kalmoin tiseho",  // one word changed
        "alpha beta gamma delta", "alpha beta gamma delta rano",                           // one word added
        "alpha beta gamma delta qumi nelo", "alpha beta gamma delta qu minelo",            // words broken elsewhere
        "alpha beta gamma delta sefa wabe", "alpha beta gamma delta sefaa wabbe",          // two words changed
        "alpha beta gamma delta mone lito", "delta gamma beta alpha mone lito",            // four moved
    });
    std::vector<MatchRecord> records;
    for (const auto& t : titles) {
        Work w;
        w.title = t;
        records.push_back(make_match_record(w));
    }
    EXPECT_TRUE(CandidateIndex::fragile(2, 0.35));
    EXPECT_FALSE(CandidateIndex::fragile(3, 0.35));  // 2 of 4 shared: the word sets still meet
    CandidateIndex index(records, 0.35);
    CandidateScratch scratch;
    // The last pair shares its whole word set, but two fragile sets meet through keys only.
    for (std::size_t k = 0; k < 5; ++k) {
        const auto x = static_cast<std::uint32_t>(first + 2 * k + 1);
        std::vector<std::uint32_t> got;
        index.candidates(x, scratch, [&](std::uint32_t y) { got.push_back(y); });
        const bool meet = k < 3;
        EXPECT_EQ(got, meet ? std::vector<std::uint32_t>{x - 1} : std::vector<std::uint32_t>{}) << titles[x];
    }
}

TEST(CandidateIndex, FindsExactlyThePairsReachingTheJaccardThreshold) {
    // The filters (sizes, signatures, positions) only skip work: the candidates
    // are the pairs a brute-force Jaccard over the title word sets finds, but
    // for those of two fragile sets.
    std::mt19937 rng(11);
    std::vector<MatchRecord> records;
    std::vector<std::vector<int>> sets;
    for (int i = 0; i < 1500; ++i) {
        std::vector<int> words;
        const int n = 1 + static_cast<int>(rng() % 12);
        for (int k = 0; k < n; ++k) words.push_back(static_cast<int>(rng() % (k % 3 == 0 ? 20 : 150)));
        Work w;
        for (int word : words) w.title += "w" + std::to_string(word) + " ";
        // Two words of its own: no two titles are one word apart, so no title groups.
        w.title += "x" + std::to_string(i) + " y" + std::to_string(i);
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
        words.insert(words.begin(), {-2 - 2 * i, -1 - 2 * i});
        sets.push_back(words);
        records.push_back(make_match_record(w));
    }
    for (double t : {0.1, 0.35, 0.6}) {
        CandidateIndex index(records, t);
        CandidateScratch scratch;
        for (std::uint32_t x = 0; x < records.size(); ++x) {
            std::vector<std::uint32_t> got, expected;
            index.candidates(x, scratch, [&](std::uint32_t y) { got.push_back(y); });
            for (std::uint32_t y = 0; y < x; ++y) {
                std::vector<int> shared;
                std::set_intersection(sets[x].begin(), sets[x].end(), sets[y].begin(), sets[y].end(), std::back_inserter(shared));
                double j = static_cast<double>(shared.size()) / static_cast<double>(sets[x].size() + sets[y].size() - shared.size());
                const bool fragile = CandidateIndex::fragile(sets[x].size(), t) && CandidateIndex::fragile(sets[y].size(), t);
                if (j >= t - 1e-12 && !fragile) expected.push_back(y);
            }
            std::sort(got.begin(), got.end());
            ASSERT_EQ(got, expected) << "record " << x << " at " << t;
        }
    }
}

// A record as made from its fields, before the corpus repairs it.
static MatchRecord fielded(const std::string& title, const std::string& authors, const std::string& venue, int year) {
    Work w;
    w.title = title;
    w.authors = parse_author_list(authors).authors;
    w.venue = venue;
    if (year) w.year = year;
    return make_match_record(w);
}

TEST(Repair, OtherFieldsAtATitlesEndAreCutByTheCorpusVocabulary) {
    // A corpus whose authors and venues some records carry inside the title.
    std::vector<MatchRecord> r{
        fielded("Cost-Based Selection of Path Expression Processing Algorithms", "Zhao-Hui Tang, Georges Gardarin", "VLDB", 1996),
        fielded("Query Processing in Object Databases", "Georges Gardarin, Jean-Robert Gruser", "VLDB", 1997),
        fielded("Indexing Spatial Objects", "Zhao-Hui Tang", "VLDB", 1998),
        fielded("A Tribute to Jim Gray", "Jim Gray", "SIGMOD Record", 2008),
        fielded("A Tribute to Jim Gray", "", "", 2008),
        fielded("cost-based selection of path expression processing algorithms zhao-hui tang , georges gardarin 1996", "", "", 0),
        fielded("query processing in object databases vldb", "Georges Gardarin", "", 1997),
    };
    repair_fields(r);
    EXPECT_EQ(r[5].title, r[0].title);
    EXPECT_EQ(r[5].surnames, (std::vector<std::string>{"gardarin", "tang"}));
    EXPECT_EQ(r[5].year, 1996);
    EXPECT_EQ(r[6].title, r[1].title);  // a venue's own word alone
    EXPECT_EQ(r[6].surnames, (std::vector<std::string>{"gardarin"}));
    // One surname at the end is a title's word: a tribute is not cut to "a tribute to".
    EXPECT_EQ(r[4].title, "a tribute to jim gray");
    EXPECT_EQ(r[0].title, "costbased selection of path expression processing algorithms");
}

TEST(Repair, SpelledOutVenuesSplitSurnamesAndDecadesAreReadAsTheCorpusNamesThem) {
    std::vector<MatchRecord> r{
        fielded("Storage Methods for Abstract Objects", "Harald Sch\u00f6ning", "Data Engineering Letters", 1998),
        fielded("Buffer Pools in Practice", "Ann Weiss", "Data Engineering Letters", 1999),
        fielded("Learning Deep Networks", "Ann Weiss", "Machine Learning", 1999),
        fielded("Learning to Rank Documents", "Bo Chen", "Machine Learning", 2000),
        // a venue spelled out in title words, nothing after it
        fielded("buffer pools in practice data engineering letters", "", "", 0),
        // a surname its export split at the accented letter
        fielded("storage methods for abstract objects harald sch \u00f6 ning 1998", "", "", 0),
        // a decade is the title's, the last year the record's
        fielded("parallel database systems in the 1990 's ann weiss 1994", "", "", 0),
        // a two-word venue that is also a topic ends a title untouched
        fielded("the computational complexity of machine learning", "", "", 0),
    };
    repair_fields(r);
    EXPECT_EQ(r[4].title, r[1].title);
    EXPECT_EQ(r[5].title, r[0].title);
    EXPECT_EQ(r[5].surnames, (std::vector<std::string>{"schoning"}));
    EXPECT_EQ(r[5].year, 1998);
    EXPECT_EQ(r[6].year, 1994);
    EXPECT_EQ(r[6].title, "parallel database systems in the 1990");
    EXPECT_EQ(r[7].title, "the computational complexity of machine learning");
}

TEST(Repair, AShortTitleKeepsOneWordWhenAllTheRestIsOtherFields) {
    std::vector<MatchRecord> r{
        fielded("DataSplash", "Chris Olston, Allison Woodruff", "SIGMOD Conference", 1998),
        fielded("Updating XML", "Igor Tatarinov, Zachary Ives", "International Conference on Management of Data", 2001),
        fielded("Mining Streams", "Ann Weiss", "International Conference on Management of Data", 2002),
        fielded("Query Optimization", "Bo Chen", "SIGMOD Conference", 1999),
        fielded("datasplash sigmod conference 1998", "", "", 0),
        fielded("updating xml international conference on management of data 2001", "", "", 0),
        fielded("datasplash chris olston , allison woodruff", "", "", 0),
        // a title word among the fields: a short title is not cut
        fielded("olston sigmod conference systems", "", "", 0),
    };
    repair_fields(r);
    EXPECT_EQ(r[4].title, r[0].title);
    EXPECT_EQ(r[4].year, 1998);
    EXPECT_EQ(r[5].title, r[1].title);
    EXPECT_EQ(r[5].year, 2001);
    EXPECT_EQ(r[6].title, r[0].title);
    EXPECT_EQ(r[6].surnames, (std::vector<std::string>{"olston", "woodruff"}));
    EXPECT_EQ(r[7].title, "olston sigmod conference systems");
}

TEST(Repair, NamesSpelledOutWithInitialsAndSurnamesOfSeveralWordsAreCut) {
    std::vector<MatchRecord> r{
        fielded("Reminiscences on Influential Papers", "Theodore Johnson, Amr El Abbadi, Richard T. Snodgrass", "SIGMOD Record", 2002),
        fielded("Replication in Distributed Databases", "Amr El Abbadi", "VLDB", 1995),
        fielded("Temporal Databases", "Richard T. Snodgrass", "SIGMOD Record", 1999),
        fielded("Tertiary Storage", "Theodore Johnson", "VLDB", 1996),
        fielded("reminiscences on influential papers theodore johnson amr el abbadi richard t snodgrass", "", "", 0),
    };
    repair_fields(r);
    EXPECT_EQ(r[4].title, r[0].title);
    EXPECT_TRUE(std::find(r[4].surnames.begin(), r[4].surnames.end(), "snodgrass") != r[4].surnames.end());
    EXPECT_TRUE(std::find(r[4].surnames.begin(), r[4].surnames.end(), "johnson") != r[4].surnames.end());
}

TEST(Repair, ARecordWithoutAuthorsMayEndInItsOneAuthorAndTitleWordsBeforeANameStay) {
    std::vector<MatchRecord> r{
        fielded("Binding Propagation in Disjunctive Databases", "Sergio Greco", "VLDB", 1998),
        fielded("Information Warfare and Security", "H. V. Jagadish", "SIGMOD Record", 2001),
        fielded("Network Security Protocols", "Ann Weiss", "SIGMOD Record", 2000),
        fielded("Guest Editorial", "Alon Y. Halevy", "VLDB J.", 2002),
        // no authors of its own: the one author's name, given name and all, is cut
        fielded("binding propagation in disjunctive databases sergio greco", "", "", 1998),
        // a title word before a name is no given name, even with a name after it
        fielded("information warfare and security h. v. jagadish", "", "SIGMOD Record", 2001),
        // a title of two words keeps them when the rest is its author
        fielded("guest editorial alon y. halevy", "", "", 2002),
        // with authors of its own, one surname at the end stays the title's
        fielded("binding propagation in disjunctive databases greco", "Ann Weiss", "", 1998),
    };
    repair_fields(r);
    EXPECT_EQ(r[4].title, r[0].title);
    EXPECT_EQ(r[4].surnames, (std::vector<std::string>{"greco"}));
    EXPECT_EQ(r[5].title, r[1].title);
    EXPECT_EQ(r[5].surnames, (std::vector<std::string>{"jagadish"}));
    EXPECT_EQ(r[6].title, r[3].title);
    EXPECT_EQ(r[7].title, "binding propagation in disjunctive databases greco");
}

TEST(Repair, NamesListedWithCommasAfterATitleAreCutEvenWhenTheCorpusNamesNoneOfThem) {
    std::vector<MatchRecord> r{
        fielded("LH* - A Scalable, Distributed Data Structure", "Witold Litwin", "TODS", 1996),
        fielded("Data Structures: Models, Methods, Applications", "Ann Weiss", "TODS", 1995),
        fielded("Scalable Storage", "Bo Chen", "VLDB", 1994),
        // none of these people is an author of any record here but the last
        fielded("lh* - a scalable, distributed data structure donovan a. schneider, marie-anne neimat, witold litwin", "",
                "", 1996),
        // a title's own list is of title words
        fielded("data structures: models, methods, applications", "", "", 1995),
        // a date is no name
        fielded("scalable storage, june 9-12, 2003", "", "", 0),
    };
    repair_fields(r);
    EXPECT_EQ(r[3].title, r[0].title);
    EXPECT_EQ(r[3].surnames, (std::vector<std::string>{"litwin", "neimat", "schneider"}));
    EXPECT_EQ(r[4].title, r[1].title);
    EXPECT_TRUE(r[4].surnames.empty());
    EXPECT_TRUE(r[5].surnames.empty());
}

TEST(Dedupe, NearestBoundaryListsTheClosestDecisionsFirst) {
    auto work = [](const std::string& title, const std::string& authors, int year) {
        Work w;
        w.title = title;
        w.authors = parse_author_list(authors).authors;
        w.year = year;
        return w;
    };
    std::vector<Work> works{
        work("Efficient query processing in spatial databases", "Ann Lee, Bo Chen", 2001),
        work("Efficient query processing in spatial databases", "A. Lee, B. Chen", 2001),
        work("Efficient query processing for spatial data", "Ann Lee", 2003),
        work("A survey of graph neural networks", "Carl Diaz", 2019),
        work("A survey on graph neural networks", "Dana Eve", 2020),
    };
    const auto all = nearest_boundary(works, 100);
    ASSERT_FALSE(all.empty());
    double last = 0;
    for (const auto& p : all) {
        EXPECT_LT(p.a, p.b);
        const double distance = std::abs(std::log(p.probability / (1 - p.probability)));
        EXPECT_GE(distance + 1e-9, last);
        last = distance;
    }
    const auto two = nearest_boundary(works, 2);
    ASSERT_EQ(two.size(), std::min<std::size_t>(2, all.size()));
    EXPECT_EQ(two[0].a, all[0].a);
    EXPECT_EQ(two[0].b, all[0].b);
}

// The record overlap repeats the title's words, so it is weighed given the
// title: labelled pairs in which, with equal titles, every overlap level is as
// common among different works as among copies give that level no weight
// there, while with titles apart the same level still counts.
TEST(Model, TheRecordOverlapIsWeighedGivenTheTitlesAgreement) {
    auto pair = [](std::uint8_t title, std::uint8_t record) {
        Evidence e;
        e.level.fill(kUnknown);
        e.level[static_cast<std::size_t>(Feature::title)] = title;
        e.level[static_cast<std::size_t>(Feature::record)] = record;
        return e;
    };
    std::vector<Evidence> evidence;
    std::vector<bool> same;
    for (int k = 0; k < 200; ++k) {
        for (bool s : {true, false}) evidence.push_back(pair(5, 4)), same.push_back(s);  // equal titles: a tie
        evidence.push_back(pair(0, 4)), same.push_back(true);                               // apart: copies only
        evidence.push_back(pair(0, 0)), same.push_back(false);
    }
    const MatchModel model = fit_labelled(evidence, same);
    EXPECT_NEAR(model.weight(pair(5, 4), Feature::record), 0.0, 0.15);
    EXPECT_GT(model.weight(pair(0, 4), Feature::record), 2.0);
    EXPECT_NE(model_level(pair(5, 4), Feature::record), model_level(pair(0, 4), Feature::record));
    EXPECT_EQ(model_level_name(Feature::record, model_level(pair(0, 4), Feature::record)),
              "nearly all shared, title apart, no authors");
    // Each title group's levels are one distribution, in either class, fitted by EM too.
    PatternCounts counts(kPatterns, 0);
    for (std::size_t k = 0; k < evidence.size(); ++k) counts[evidence[k].pattern()] += 1;
    for (const MatchModel& m : {model, fit_model(counts)}) {
        const std::size_t f = static_cast<std::size_t>(Feature::record), per = kLevelsPerGroup[f];
        for (std::size_t g = 0; g < kModelLevels[f]; g += per) {
            double sm = 0, su = 0;
            double st = 0;
            for (std::size_t l = g; l < g + per; ++l) sm += m.m[f][l], su += m.u[f][l], st += m.t[f][l];
            EXPECT_NEAR(sm, 1.0, 1e-9);
            EXPECT_NEAR(su, 1.0, 1e-9);
            EXPECT_NEAR(st, 1.0, 1e-9);
        }
    }
}

// One team writing many works in one venue and year: with two classes EM can
// take the team's shared people, venue and year for the match; the team class
// holds them, so only the copies (equal titles) are the same work. The pairs
// are drawn from the documented tables of each class.
TEST(Model, ATeamsOtherWorksAreTheirOwnClass) {
    const MatchModel truth = MatchModel::defaults();
    std::mt19937 rng(11);
    PatternCounts counts(kPatterns, 0);
    auto draw = [&](const LevelTable& table, int n) {
        for (int k = 0; k < n; ++k) {
            Evidence e;
            e.level.fill(kUnknown);
            for (Feature f : {Feature::title, Feature::authors, Feature::year, Feature::record}) {
                const auto i = static_cast<std::size_t>(f);
                std::discrete_distribution<int> level(table[i].begin(), table[i].begin() + kLevelsPerGroup[i]);
                e.level[i] = static_cast<std::uint8_t>(level(rng));
            }
            ++counts[e.pattern()];
        }
    };
    draw(truth.m, 500);
    draw(truth.t, 1500);
    draw(truth.u, 8000);
    auto pattern = [](std::uint8_t title, std::uint8_t authors, std::uint8_t year, std::uint8_t record) {
        Evidence e;
        e.level.fill(kUnknown);
        e.level[static_cast<std::size_t>(Feature::title)] = title;
        e.level[static_cast<std::size_t>(Feature::authors)] = authors;
        e.level[static_cast<std::size_t>(Feature::year)] = year;
        e.level[static_cast<std::size_t>(Feature::record)] = record;
        return e;
    };
    const Evidence copy = pattern(5, 3, 3, 4), team = pattern(1, 3, 3, 3);
    const MatchModel three = fit_model(counts);
    EXPECT_GT(three.team, 0.05);
    EXPECT_GT(three.log_odds(copy), 0.0);
    EXPECT_LT(three.log_odds(team), 0.0);
    FitOptions two_classes;
    two_classes.team = 0;
    const MatchModel two = fit_model(counts, MatchModel::defaults(), two_classes);
    EXPECT_EQ(two.team, 0.0);
    EXPECT_GT(two.log_odds(team), 0.0);  // what the team class is for
}
