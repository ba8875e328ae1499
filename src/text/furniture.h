// Trims page furniture from scraped documents: navigation, datelines of the page (not the article), phone
// numbers and "most read" lists at the top and bottom of a page, a headline repeated right below itself, and
// lines that repeat across pages of the same site. Every removed line is reported with its reason, and the
// caller keeps the original text, so trimming is visible and reversible per document.
//
//     text::FurnitureTrimmer trimmer;
//     for (doc : docs) trimmer.AddDocument(doc.text, doc.source);     // pass 1: learn repeated lines per site
//     for (doc : docs) auto result = trimmer.Trim(doc.text, doc.source); // pass 2
#pragma once
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace text {

struct RemovedLine {
    std::string line;       // as it stood, trimmed of surrounding white space
    std::string reason;     // "navigation or page furniture", "repeated on 3 pages of TASS", …
};

struct TrimResult {
    std::string text;                 // the content, paragraphs kept, runs of blank lines collapsed
    std::vector<RemovedLine> removed;
};

class FurnitureTrimmer {
public:
    // Pass 1: remember which lines this document has, under its site (source); "" groups unknown sites.
    void AddDocument(std::string_view text, std::string_view site);
    // Pass 2: the document without its furniture.
    TrimResult Trim(std::string_view text, std::string_view site) const;

private:
    struct Site {
        int documents = 0;
        std::map<std::string, int, std::less<>> line_documents;   // line → documents of this site that have it
    };
    std::map<std::string, Site, std::less<>> Sites;
};

}  // namespace text
