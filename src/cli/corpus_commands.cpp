// `corpuslens pack` (files → a corpus database, with the import report) and `corpuslens info` (what a corpus
// database holds). The same import and storage code as the web app.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "core/file.h"
#include "core/json.h"
#include "store/corpus.h"
#include "text/import.h"

namespace cli {

namespace {

namespace fs = std::filesystem;

// Files under `path` (itself if a file), sorted, hidden files and folders skipped.
void CollectFiles(const fs::path& path, std::vector<fs::path>* files, std::ostream& err) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) { files->push_back(path); return; }
    if (!fs::is_directory(path, ec)) { err << "corpuslens pack: " << path.string() << ": no such file or folder\n"; return; }
    std::vector<fs::path> found;
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(ec)) found.push_back(it->path());
    }
    std::sort(found.begin(), found.end());
    files->insert(files->end(), found.begin(), found.end());
}

std::string JoinLines(const std::vector<std::string>& lines) {
    std::string joined;
    for (const std::string& line : lines) {
        if (!joined.empty()) joined += '\n';
        joined += line;
    }
    return joined;
}

std::string Today() {
    std::time_t now = std::time(nullptr);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", std::gmtime(&now));
    return buf;
}

// `words[i]`: document i's word count, as the corpus counted it when indexing.
void PrintReportText(const std::vector<text::ImportedDocument>& docs, const std::vector<int64_t>& words,
                     const text::ImportReport& report, std::ostream& out) {
    for (size_t i = 0; i < docs.size(); ++i) {
        const text::ImportedDocument& doc = docs[i];
        out << doc.title << "\n  " << (doc.date.empty() ? "(no date)" : doc.date) << " · "
            << (doc.source.empty() ? "(no source)" : doc.source) << " · " << (doc.lang.empty() ? "(language?)" : doc.lang)
            << " · " << words[i] << " words · from " << doc.imported_from << '\n';
        for (const std::string& note : doc.notes) out << "    " << note << '\n';
    }
    for (const text::ImportProblem& p : report.refused) out << "refused: " << p.where << ": " << p.message << '\n';
    for (const std::string& d : report.duplicates) out << "duplicate: " << d << '\n';
    for (const std::string& d : report.near_duplicates) out << "near duplicate: " << d << '\n';
}

// The keys every document has in `pack --json` and `info --json`, so the two outputs agree.
void WriteDocumentKeys(core::JsonWriter& w, const std::string& title, const std::string& date,
                       const std::string& source, const std::string& lang, int64_t words) {
    w.Key("title"); w.String(title);
    w.Key("date"); w.String(date);
    w.Key("source"); w.String(source);
    w.Key("lang"); w.String(lang);
    w.Key("words"); w.Int(words);
}

void WriteDocumentJson(core::JsonWriter& w, const text::ImportedDocument& doc, int64_t words) {
    w.BeginObject();
    WriteDocumentKeys(w, doc.title, doc.date, doc.source, doc.lang, words);
    w.Key("imported_from"); w.String(doc.imported_from);
    w.Key("trimmed"); w.Bool(!doc.original_text.empty());
    w.Key("notes"); w.BeginArray();
    for (const std::string& n : doc.notes) w.String(n);
    w.EndArray();
    w.EndObject();
}

}  // namespace

int RunPack(const Args& args, std::istream&, std::ostream& out, std::ostream& err) {
    std::string output, name;
    bool force = false, json = false;
    text::ImportOptions options;
    std::vector<std::string> paths;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](const char* flag) -> const std::string* {
            if (i + 1 >= args.size()) { err << "corpuslens pack: " << flag << " needs a value\n"; return nullptr; }
            return &args[++i];
        };
        if (a == "-o" || a == "--output") { auto v = value("-o"); if (!v) return 2; output = *v; }
        else if (a == "--name") { auto v = value("--name"); if (!v) return 2; name = *v; }
        else if (a == "--text-field") { auto v = value("--text-field"); if (!v) return 2; options.text_field = *v; }
        else if (a == "--encoding") {
            auto v = value("--encoding");
            if (!v) return 2;
            text::Encoding e;
            if (!text::EncodingFromName(*v, &e)) {
                err << "corpuslens pack: unknown encoding '" << *v << "' (try utf-8, utf-16le, windows-1251, koi8-r, windows-1252)\n";
                return 2;
            }
            options.encoding = e;
        }
        else if (a == "--no-trim") options.trim_furniture = false;
        else if (a == "--force") force = true;
        else if (a == "--json") json = true;
        else if (!a.empty() && a[0] == '-') { err << "corpuslens pack: unknown option '" << a << "'\n"; return 2; }
        else paths.push_back(a);
    }
    if (output.empty() || paths.empty()) { err << "usage: corpuslens pack -o CORPUS.sqlite PATH…  (see --help)\n"; return 2; }
    std::error_code ec;
    if (fs::exists(output, ec) && !force) {
        err << "corpuslens pack: " << output << " exists; add --force to replace it\n";
        return 1;
    }

    std::vector<fs::path> files;
    for (const std::string& p : paths) CollectFiles(p, &files, err);
    if (files.empty()) { err << "corpuslens pack: no files to import\n"; return 1; }

    text::Importer importer(options);
    for (const fs::path& file : files) {
        std::string display = file.lexically_normal().string();
        uintmax_t size = fs::file_size(file, ec);
        if (!ec && importer.RefuseIfTooLarge(display, size)) continue;   // refused unread
        auto bytes = core::ReadFile(file.string());
        if (!bytes.ok()) { err << "corpuslens pack: cannot read " << display << '\n'; continue; }
        importer.AddFile(display, *bytes);
    }
    importer.Finish();
    std::vector<text::ImportedDocument>& docs = importer.documents();
    const text::ImportReport& report = importer.report();
    if (docs.empty()) {
        PrintReportText(docs, {}, report, err);
        err << "corpuslens pack: nothing could be imported\n";
        return 1;
    }

    std::vector<int64_t> words;   // per document
    // Written to a temporary file first: a failed pack never leaves a half-made corpus under the real name.
    std::string temporary = output + ".partial";
    fs::remove(temporary, ec);
    {
        auto corpus = store::Corpus::Create(temporary);
        if (!corpus.ok()) { err << "corpuslens pack: " << corpus.status().message() << '\n'; return 1; }
        // The temporary file is renamed only after a successful commit, so a crash mid-pack loses nothing but
        // itself: no need to wait for the disk at every sync point.
        core::Status s = corpus->db().Exec("PRAGMA synchronous=OFF");
        if (s.ok()) s = corpus->Begin();
        if (name.empty()) name = fs::path(paths.front()).filename().replace_extension().string();
        if (s.ok()) s = corpus->SetMeta("name", name);
        if (s.ok()) s = corpus->SetMeta("created", Today());
        for (const text::ImportedDocument& doc : docs) {
            if (!s.ok()) break;
            store::DocumentInput input{.title = doc.title, .source = doc.source, .date = doc.date, .lang = doc.lang,
                                       .author = doc.author, .url = doc.url, .text = doc.text,
                                       .imported_from = doc.imported_from,
                                       .original_text = doc.original_text, .import_notes = JoinLines(doc.notes),
                                       .fields = doc.fields};
            auto id = corpus->AddDocument(input);
            if (!id.ok()) s = id.status();
        }
        if (s.ok()) s = corpus->Commit();
        if (s.ok()) {   // the documents in the order added, with the words counted as they were indexed
            auto listed = corpus->ListDocuments();
            if (listed.ok())
                for (const store::DocumentSummary& d : *listed) words.push_back(d.word_count);
            else
                s = listed.status();
        }
        if (!s.ok()) {
            corpus->Rollback();
            err << "corpuslens pack: " << s.message() << '\n';
            fs::remove(temporary, ec);
            return 1;
        }
    }
    fs::rename(temporary, output, ec);
    if (ec) { err << "corpuslens pack: cannot write " << output << ": " << ec.message() << '\n'; return 1; }

    int64_t total_words = 0;
    for (int64_t n : words) total_words += n;
    if (json) {
        core::JsonWriter w;
        w.BeginObject();
        w.Key("output"); w.String(output);
        w.Key("files"); w.Int(report.files);
        w.Key("documents"); w.BeginArray();
        for (size_t i = 0; i < docs.size(); ++i) WriteDocumentJson(w, docs[i], words[i]);
        w.EndArray();
        w.Key("refused"); w.BeginArray();
        for (const text::ImportProblem& p : report.refused) {
            w.BeginObject(); w.Key("where"); w.String(p.where); w.Key("message"); w.String(p.message); w.EndObject();
        }
        w.EndArray();
        w.Key("duplicates"); w.BeginArray(); for (const auto& d : report.duplicates) w.String(d); w.EndArray();
        w.Key("near_duplicates"); w.BeginArray(); for (const auto& d : report.near_duplicates) w.String(d); w.EndArray();
        w.EndObject();
        out << w.str() << '\n';
    } else {
        PrintReportText(docs, words, report, out);
        out << "packed " << docs.size() << (docs.size() == 1 ? " document" : " documents") << " (" << total_words
            << " words) from " << report.files << (report.files == 1 ? " file" : " files") << " into " << output << '\n';
    }
    return 0;
}

int RunInfo(const Args& args, std::istream&, std::ostream& out, std::ostream& err) {
    std::string path;
    bool json = false;
    for (const std::string& a : args) {
        if (a == "--json") json = true;
        else if (!a.empty() && a[0] == '-') { err << "corpuslens info: unknown option '" << a << "'\n"; return 2; }
        else if (path.empty()) path = a;
        else { err << "corpuslens info: one corpus at a time\n"; return 2; }
    }
    if (path.empty()) { err << "usage: corpuslens info CORPUS.sqlite [--json]\n"; return 2; }
    auto corpus = store::Corpus::OpenUntrusted(path);
    if (!corpus.ok()) { err << "corpuslens info: " << corpus.status().message() << '\n'; return 1; }
    auto docs = corpus->ListDocuments();
    if (!docs.ok()) { err << "corpuslens info: " << docs.status().message() << '\n'; return 1; }
    std::string name = corpus->Meta("name").ok() ? *corpus->Meta("name") : "";
    int64_t words = 0;
    for (const store::DocumentSummary& d : *docs) words += d.word_count;
    auto terms = corpus->db().QueryInt64("SELECT count(*) FROM terms");
    if (json) {
        core::JsonWriter w;
        w.BeginObject();
        w.Key("name"); w.String(name);
        w.Key("schema_version"); w.Int(store::kSchemaVersion);
        w.Key("words"); w.Int(words);
        w.Key("distinct_terms"); w.Int(terms.ok() ? *terms : 0);
        w.Key("documents"); w.BeginArray();
        for (const store::DocumentSummary& d : *docs) {
            w.BeginObject();
            w.Key("id"); w.Int(d.id);
            WriteDocumentKeys(w, d.title, d.date, d.source, d.lang, d.word_count);
            auto fields = corpus->Fields(d.id);
            if (fields.ok() && !fields->empty()) {
                w.Key("fields"); w.BeginObject();
                for (const auto& [key, value] : *fields) { w.Key(key); w.String(value); }
                w.EndObject();
            }
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        out << w.str() << '\n';
        return 0;
    }
    out << (name.empty() ? path : name) << ": " << docs->size() << " documents, " << words << " words, "
        << (terms.ok() ? *terms : 0) << " distinct terms\n";
    for (const store::DocumentSummary& d : *docs)
        out << d.id << '\t' << (d.date.empty() ? "-" : d.date) << '\t' << (d.source.empty() ? "-" : d.source) << '\t'
            << (d.lang.empty() ? "-" : d.lang) << '\t' << d.word_count << '\t' << d.title << '\n';
    return 0;
}

}  // namespace cli
