#include <gtest/gtest.h>

#include "scholarmerge/read/read.hpp"
#include "read/details/refs_rules.hpp"
#include "read/refs.hpp"

using namespace scholarmerge;

namespace {

std::vector<std::string> surnames(const Work& w) {
    std::vector<std::string> out;
    for (const auto& a : w.authors) out.push_back(a.surname);
    return out;
}

std::string extra(const Work& w, const char* key) {
    auto it = w.extra.find(key);
    return it == w.extra.end() ? "" : std::get<std::string>(it->second);
}

const std::vector<std::string> kThree = {"Smith", "van der Berg", "Chen"};
const std::vector<std::string> kTwo = {"Smith", "van der Berg"};

}  // namespace

TEST(SplitReference, Apa) {
    Work w = parse_reference(
        "Smith, J. A., & van der Berg, K. (2019). Deep learning for citation parsing. Journal of Machine Learning "
        "Research, 20(3), 112-130. https://doi.org/10.5555/jmlr.2019.123");
    EXPECT_EQ(surnames(w), kTwo);
    EXPECT_EQ(w.title, "Deep learning for citation parsing");
    EXPECT_EQ(w.venue, "Journal of Machine Learning Research");
    EXPECT_EQ(w.year, 2019);
    EXPECT_EQ(extra(w, "volume"), "20");
    EXPECT_EQ(extra(w, "issue"), "3");
    EXPECT_EQ(extra(w, "pages"), "112-130");
    EXPECT_EQ(w.ids.at("doi"), "10.5555/jmlr.2019.123");
}

TEST(SplitReference, Ieee) {
    Work w = parse_reference(
        "[3] J. A. Smith, K. van der Berg, and L. Chen, \"Deep learning for citation parsing,\" IEEE Trans. Pattern "
        "Anal. Mach. Intell., vol. 41, no. 2, pp. 100-115, 2019.");
    EXPECT_EQ(surnames(w), kThree);
    EXPECT_EQ(w.title, "Deep learning for citation parsing");
    EXPECT_EQ(w.venue, "IEEE Trans. Pattern Anal. Mach. Intell");
    EXPECT_EQ(w.year, 2019);
    EXPECT_EQ(extra(w, "volume"), "41");
    EXPECT_EQ(extra(w, "issue"), "2");
    EXPECT_EQ(extra(w, "pages"), "100-115");
}

TEST(SplitReference, Acm) {
    Work w = parse_reference(
        "John A. Smith and Karl van der Berg. 2019. Deep learning for citation parsing. In Proceedings of the 42nd "
        "International Conference on Research and Development in Information Retrieval. ACM, New York, NY, USA, "
        "112-121.");
    EXPECT_EQ(surnames(w), kTwo);
    EXPECT_EQ(w.title, "Deep learning for citation parsing");
    EXPECT_EQ(w.venue,
              "Proceedings of the 42nd International Conference on Research and Development in Information Retrieval");
    EXPECT_EQ(w.year, 2019);
}

TEST(SplitReference, ChicagoAndMla) {
    Work c = parse_reference(
        "Smith, John A., and Karl van der Berg. \"Deep Learning for Citation Parsing.\" Journal of Documentation 75, "
        "no. 4 (2019): 801-820.");
    EXPECT_EQ(surnames(c), kTwo);
    EXPECT_EQ(c.title, "Deep Learning for Citation Parsing");
    EXPECT_EQ(c.venue, "Journal of Documentation");
    EXPECT_EQ(c.year, 2019);
    EXPECT_EQ(extra(c, "volume"), "75");
    EXPECT_EQ(extra(c, "pages"), "801-820");
    Work m = parse_reference(
        "Smith, John A., et al. \xE2\x80\x9C" "Deep Learning for Citation Parsing.\xE2\x80\x9D Journal of "
        "Documentation, vol. 75, no. 4, 2019, pp. 801-20.");
    EXPECT_EQ(surnames(m), std::vector<std::string>{"Smith"});
    EXPECT_TRUE(m.authors_truncated);
    EXPECT_EQ(m.title, "Deep Learning for Citation Parsing");
    EXPECT_EQ(m.venue, "Journal of Documentation");
    EXPECT_EQ(m.year, 2019);
    EXPECT_EQ(extra(m, "pages"), "801-20");
}

TEST(SplitReference, Harvard) {
    Work w = parse_reference(
        "Smith, J.A. and van der Berg, K., 2019. Deep learning for citation parsing. Journal of Documentation, 75(4), "
        "pp.801-820.");
    EXPECT_EQ(surnames(w), kTwo);
    EXPECT_EQ(w.title, "Deep learning for citation parsing");
    EXPECT_EQ(w.venue, "Journal of Documentation");
    EXPECT_EQ(w.year, 2019);
}

TEST(SplitReference, VancouverAndNature) {
    Work v = parse_reference("Smith JA, van der Berg K, Chen L. Deep learning for citation parsing. J Doc. "
                             "2019;75(4):801-20.");
    EXPECT_EQ(surnames(v), kThree);
    EXPECT_EQ(v.title, "Deep learning for citation parsing");
    EXPECT_EQ(v.venue, "J Doc");
    EXPECT_EQ(v.year, 2019);
    EXPECT_EQ(extra(v, "volume"), "75");
    EXPECT_EQ(extra(v, "issue"), "4");
    EXPECT_EQ(extra(v, "pages"), "801-20");
    Work n = parse_reference(
        "Smith, J. A., van der Berg, K. & Chen, L. Deep learning for citation parsing. Nat. Methods 16, 801-820 (2019).");
    EXPECT_EQ(surnames(n), kThree);
    EXPECT_EQ(n.title, "Deep learning for citation parsing");
    EXPECT_EQ(n.venue, "Nat. Methods");
    EXPECT_EQ(n.year, 2019);
    EXPECT_EQ(extra(n, "volume"), "16");
}

TEST(SplitReference, LncsWithEditors) {
    Work w = parse_reference(
        "Smith, J.A., van der Berg, K.: Deep learning for citation parsing. In: Jones, M., Lee, P. (eds.) Digital "
        "Libraries. LNCS, vol. 11799, pp. 112-121. Springer, Heidelberg (2019)");
    EXPECT_EQ(surnames(w), kTwo);
    EXPECT_EQ(w.title, "Deep learning for citation parsing");
    EXPECT_EQ(w.venue, "Digital Libraries");
    EXPECT_EQ(w.year, 2019);
    EXPECT_EQ(extra(w, "editors"), "Jones, M., Lee, P");
    EXPECT_EQ(extra(w, "pages"), "112-121");
}

TEST(SplitReference, BookAndArxiv) {
    Work b = parse_reference("Knuth, D. E. (1997). The Art of Computer Programming. Reading, MA: Addison-Wesley.");
    EXPECT_EQ(b.title, "The Art of Computer Programming");
    EXPECT_EQ(extra(b, "publisher"), "Addison-Wesley");
    EXPECT_EQ(extra(b, "location"), "Reading, MA");
    EXPECT_EQ(b.venue, "");
    Work a = parse_reference("Smith, J. and Chen, L. (2021). Parsing references at scale. arXiv preprint "
                             "arXiv:2101.01234.");
    EXPECT_EQ(a.title, "Parsing references at scale");
    EXPECT_EQ(a.ids.at("arxiv"), "2101.01234");
    EXPECT_EQ(a.year, 2021);
}

TEST(SplitReference, CitationWithoutTitle) {
    Work w;
    EXPECT_TRUE(split_reference("[16] L. Randall and R. Sundrum, Phys. Rev. Lett. 83, 3370 (1999).", w));
    EXPECT_EQ(surnames(w), (std::vector<std::string>{"Randall", "Sundrum"}));
    EXPECT_EQ(w.title, "");
    EXPECT_EQ(w.venue, "Phys. Rev. Lett");
    EXPECT_EQ(w.year, 1999);
    EXPECT_EQ(extra(w, "volume"), "83");
    EXPECT_EQ(extra(w, "pages"), "3370");
}

TEST(SplitReference, UnsplittableKeepsTheText) {
    Work w;
    EXPECT_FALSE(split_reference("just some words", w));
    EXPECT_EQ(w.title, "just some words");
    Work e;
    EXPECT_FALSE(split_reference("", e));
    EXPECT_EQ(e.title, "");
}

TEST(RefsReader, NumberedSectionsWrappedLines) {
    ReadOptions o;
    o.format = "refs";
    Corpus c = read_text(
        "Journal articles\n\n"
        "1. Smith, J. (2019). A long title that wraps onto the next\n"
        "   line with a hyphen-\n"
        "   ated word. Journal X, 3, 1-2.\n"
        "2. Chen, L. (2020). Second paper. Journal Y, 4, 5-6.\n\n"
        "2018\n\n"
        "3. Lee, K. (2018). Third paper. Journal Z, 1, 1-9.\n",
        "cv.txt", o);
    ASSERT_EQ(c.works.size(), 3u);
    EXPECT_EQ(c.works[0].title, "A long title that wraps onto the next line with a hyphenated word");
    EXPECT_EQ(c.works[0].source_line, 3);
    EXPECT_EQ(std::get<std::string>(c.works[0].extra.at("section")), "Journal articles");
    EXPECT_EQ(c.works[1].source_line, 6);
    EXPECT_EQ(std::get<std::string>(c.works[2].extra.at("section")), "2018");
    EXPECT_TRUE(c.diagnostics.empty());
}

// The tagger runs an issue's date, volume or edition into the container's
// end; refs_fields drops them (core.xml: "Vox September(17)", "Meteoritics &
// Planetary Science, v.37", "Encyclopedia of Language & Linguistics (2nd edn)").
TEST(SplitReference, ContainerLosesTrailingIssue) {
    using detail::drop_trailing_issue;
    EXPECT_EQ(drop_trailing_issue("Vox September(17)."), "Vox");
    EXPECT_EQ(drop_trailing_issue("Business Insider May 26"), "Business Insider");
    EXPECT_EQ(drop_trailing_issue("Meteoritics & Planetary Science, v.37,"), "Meteoritics & Planetary Science,");
    EXPECT_EQ(drop_trailing_issue("Earth Sciences, vol. 12"), "Earth Sciences,");
    EXPECT_EQ(drop_trailing_issue("Encyclopedia of Language & Linguistics (2nd edn)"),
              "Encyclopedia of Language & Linguistics");
    EXPECT_EQ(drop_trailing_issue("Bioinformatics. 2. Aufl."), "Bioinformatics.");
    // the container's own words stay
    EXPECT_EQ(drop_trailing_issue("Journal of the Optical Society of America B"),
              "Journal of the Optical Society of America B");
    EXPECT_EQ(drop_trailing_issue("Proceedings of CHI 90"), "Proceedings of CHI 90");
    EXPECT_EQ(drop_trailing_issue("May"), "May");
}

// Parts, supplements, Roman volumes after a comma, an issue's own title and
// a parenthesis cut off inside go too; names with numerals stay.
TEST(SplitReference, ContainerLosesTrailingPart) {
    using detail::drop_trailing_issue;
    EXPECT_EQ(drop_trailing_issue("Consumer Installment Credit, Part II"), "Consumer Installment Credit,");
    EXPECT_EQ(drop_trailing_issue("Psychological Review, LXV"), "Psychological Review,");
    EXPECT_EQ(drop_trailing_issue("Am J Ind Med (Suppl 1)"), "Am J Ind Med");
    EXPECT_EQ(drop_trailing_issue("Electroencephalography and clinical neurophysiology. Supplement"),
              "Electroencephalography and clinical neurophysiology.");
    EXPECT_EQ(drop_trailing_issue("Computer, Special Issue on Fault-Tolerant Systems"), "Computer,");
    EXPECT_EQ(drop_trailing_issue("Proceedings of CHI 90 (Seattle"), "Proceedings of CHI 90");
    EXPECT_EQ(drop_trailing_issue("Zeitschrift für Inklusion. 19.Jg"), "Zeitschrift für Inklusion.");
    EXPECT_EQ(drop_trailing_issue("Gemeinsam leben. 22. Jg. Heft"), "Gemeinsam leben.");
    EXPECT_EQ(drop_trailing_issue("In ASPLOS IV"), "In ASPLOS IV");
    EXPECT_EQ(drop_trailing_issue("International Conference on Machine Learning (ICML)"),
              "International Conference on Machine Learning (ICML)");
    EXPECT_EQ(drop_trailing_issue("Acta Orthop Scand Suppl"), "Acta Orthop Scand Suppl");
    EXPECT_EQ(drop_trailing_issue("Physical Review D"), "Physical Review D");
}

TEST(SplitReference, TitleLosesTrailingBookNotes) {
    using detail::drop_title_notes;
    EXPECT_EQ(drop_title_notes("Mein Kampf, trans. James Vincent Murphy"), "Mein Kampf,");
    EXPECT_EQ(drop_title_notes("Sense and Sensibility, 2 vols."), "Sense and Sensibility,");
    EXPECT_EQ(drop_title_notes("Os Lusiadas. Vols. 4 and 5 of Obras completas."), "Os Lusiadas.");
    EXPECT_EQ(drop_title_notes("The Iliad, Books XXIII-XXIV. 4th."), "The Iliad, Books XXIII-XXIV.");
    EXPECT_EQ(drop_title_notes("Semiotics and the Philosophy of Language. Reprint, illustrated."),
              "Semiotics and the Philosophy of Language.");
    EXPECT_EQ(drop_title_notes("Towards Optimal Rhythm (Unpublished doctoral dissertation)."), "Towards Optimal Rhythm");
    EXPECT_EQ(drop_title_notes("Johann Gutenberg (translated by Douglas Martin)."), "Johann Gutenberg");
    EXPECT_EQ(drop_title_notes("Voir et planifier. Traduction de Chantal Thérond."), "Voir et planifier.");
    EXPECT_EQ(drop_title_notes("Abhandlungen von der Ungewissheit. Übersetzt von J. G. Jancke."),
              "Abhandlungen von der Ungewissheit.");
    EXPECT_EQ(drop_title_notes("L’écriture et la différence (1 éd.)."), "L’écriture et la différence");
    EXPECT_EQ(drop_title_notes("Electr. Circuits (Industr. Eng.)"), "Electr. Circuits (Industr. Eng.)");
    // a title's own words stay
    EXPECT_EQ(drop_title_notes("The Sudbury structure (abstract)"), "The Sudbury structure (abstract)");
    EXPECT_EQ(drop_title_notes("Notes on the Translated Text"), "Notes on the Translated Text");
    EXPECT_EQ(drop_title_notes("Volume, Mass and Density"), "Volume, Mass and Density");
    EXPECT_EQ(drop_title_notes("Trans. Am. Math. Soc."), "Trans. Am. Math. Soc.");
}
