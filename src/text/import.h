// Import: files in, documents out — with a report of everything assumed, trimmed, skipped or refused. This
// is the one place that knows file types: plain text and Markdown, HTML, CSV/TSV, JSON Lines, and zip archives
// of those. It uses the other text/ modules (decode, html, csv, jsonl, zip, metadata, furniture) and knows
// nothing of storage: the caller (an import job, `corpuslens pack`) writes the documents where they belong.
//
//     text::Importer importer;
//     importer.AddFile("speeches.zip", bytes);     // any number of files; problems go to the report
//     importer.Finish();                            // metadata, trimming, duplicates
//     for (auto& doc : importer.documents()) store(doc);
//     show(importer.report());
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/deadline.h"
#include "text/decode.h"
#include "text/furniture.h"
#include "text/zip.h"

namespace text {

struct ImportOptions {
    std::optional<Encoding> encoding;       // decode every file with this instead of detecting
    std::string text_field;                 // CSV column / JSON key holding the text; "" guesses per file
    bool trim_furniture = true;
    uint64_t max_file_bytes = 512ull << 20; // larger files are refused (whole, before reading them)
    ZipLimits zip;
};

struct ImportedDocument {
    std::string title, source, date, lang, author, url;
    std::string text;                       // the content (after furniture trimming)
    std::string original_text;              // before trimming; empty when nothing was trimmed
    std::string imported_from;              // "speeches.zip/1790.txt", "speeches.csv, line 12"
    std::vector<std::pair<std::string, std::string>> fields;   // other metadata columns, in file order
    std::vector<std::string> notes;         // this document's import report (encoding, guesses, trimmed lines)
    int file_index = -1;                    // which of the caller's files it came from (the caller sets it)
};

struct ImportProblem {
    std::string where;                      // file, archive entry or row
    std::string message;
};

struct ImportReport {
    int files = 0;                          // files given (archives count once)
    std::vector<ImportProblem> refused;     // not imported, and why
    std::vector<std::string> duplicates;    // exact duplicates skipped
    std::vector<std::string> near_duplicates;   // pairs that share most of their text, flagged not removed
};

class Importer {
public:
    explicit Importer(ImportOptions options = {});

    // Reads one file (for an archive, every entry in it). Never fails the batch: a file that cannot be read
    // becomes an entry in report().refused with a message a user can act on.
    void AddFile(std::string_view name, std::string_view bytes);
    // Completes the documents: guessed metadata where the file gave none, furniture trimmed (lines repeated
    // across pages of one source need all documents, hence a separate step), duplicates. (Words are counted
    // where they are indexed, by the store.)
    // Refuses a file of `size` bytes (counted as given) when it exceeds the limit, so callers can check before
    // reading it into memory; returns true when refused.
    bool RefuseIfTooLarge(std::string_view name, uint64_t size);
    // Counts a file the caller could not read, with the reason a user is shown.
    void Refuse(std::string_view name, std::string message);
    // Call once, after the last AddFile.
    void Finish();
    // Finish in pieces: does its work until `deadline` and returns true when all is done (an import job calls
    // it every frame; the work is per document, so a step overruns the deadline by one document at most).
    bool FinishStep(core::Deadline deadline);

    std::vector<ImportedDocument>& documents() { return Documents; }
    const ImportReport& report() const { return Report; }

private:
    void AddText(std::string_view name, std::string_view bytes, int depth);
    void AddDecoded(std::string_view name, std::string_view extension, std::string utf8, std::string encoding_note);
    void AddTable(std::string_view name, const std::vector<std::string>& header,
                  const std::vector<std::vector<std::string>>& rows, const std::vector<int>& lines, int text_column,
                  const char* line_word);

    void NextPhase();
    std::string TooLarge(uint64_t size) const;   // the refusal's message

    ImportOptions Options;
    std::vector<ImportedDocument> Documents;
    std::vector<bool> HasTitle, HasDate, HasSource, HasLang;   // per document: given by the file itself
    ImportReport Report;
    // FinishStep's cursor and what it builds
    enum class FinishPhase { Guess, AddToTrimmer, Trim, Fingerprint, Duplicates, NearDuplicates, Done };
    FinishPhase Phase = FinishPhase::Guess;
    size_t Cursor = 0;
    FurnitureTrimmer Trimmer;
    struct Fingerprint {
        uint64_t text_hash = 0;             // of the text with white space collapsed (exact duplicates)
        std::vector<uint64_t> sketch;       // bottom-k shingle hashes (near duplicates)
        bool duplicate = false;
    };
    std::vector<Fingerprint> Fingerprints;
    std::unordered_map<uint64_t, std::vector<size_t>> ByTextHash;   // text_hash → documents kept with it
};

}  // namespace text
