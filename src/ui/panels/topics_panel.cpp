// TopicsPanel (see topics_panel.h): settings strip, training status, the topic list and the tabs of charts
// and tables over app::TopicsState::view.
#include "ui/panels/topics_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <imgui.h>

#include "core/number_text.h"
#include "ui/chart.h"
#include "ui/chart_glue.h"
#include "ui/style.h"
#include "ui/widgets.h"

namespace ui {

namespace {

namespace topics = analysis::topics;

std::string Percent(double share, int decimals = 1) { return core::DecimalText(share * 100, decimals) + "%"; }

void ErrorText(const std::string& message) {
    if (message.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().error);
    ImGui::TextWrapped("%s", message.c_str());
    ImGui::PopStyleColor();
}

// A CSV field, quoted when it must be (RFC 4180).
std::string Csv(const std::string& field) {
    if (field.find_first_of(",\"\n\r") == std::string::npos) return field;
    std::string out = "\"";
    for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// A small square in the topic's colour, on the text line.
void Swatch(int topic) {
    const float size = ImGui::GetTextLineHeight() * 0.75f;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float pad = (ImGui::GetTextLineHeight() - size) / 2;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x, at.y + pad + ImGui::GetStyle().FramePadding.y * 0),
                                              ImVec2(at.x + size, at.y + pad + size), SeriesColor(topic), 2.0f);
    ImGui::Dummy(ImVec2(size, ImGui::GetTextLineHeight()));
}

// A document's topic mix as one bar of `size`: each topic's θ a segment in its colour, in topic order.
// Returns the topic under the mouse (-1 none).
int MixBar(const double* theta, int k, ImVec2 size) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const bool hovered = ImGui::IsItemHovered();
    const float mouse_x = ImGui::GetIO().MousePos.x;
    int under = -1;
    float x = at.x;
    for (int t = 0; t < k; ++t) {
        const float w = static_cast<float>(theta[t]) * size.x;
        if (w <= 0) continue;
        draw->AddRectFilled(ImVec2(x, at.y), ImVec2(x + w, at.y + size.y), SeriesColor(t));
        if (hovered && mouse_x >= x && mouse_x < x + w) under = t;
        x += w;
    }
    draw->AddRect(at, ImVec2(at.x + size.x, at.y + size.y), ImGui::GetColorU32(ImGuiCol_Border));
    return under;
}

const app::TopicLabel& LabelOf(const app::TopicsState& topics, int topic) {
    static const app::TopicLabel kNone;
    return topic >= 0 && static_cast<size_t>(topic) < topics.labels.size() ? topics.labels[static_cast<size_t>(topic)] : kNone;
}

app::TopicLabel& EditLabel(app::TopicsState& topics, int topic, int k) {
    if (topics.labels.size() < static_cast<size_t>(k)) topics.labels.resize(static_cast<size_t>(k));
    return topics.labels[static_cast<size_t>(topic)];
}

// An int field of `width_em`, its value clamped to [lo, hi] as typed (the job checks K's range again and says
// why it refuses).
void IntField(app::AppState& state, const char* label, const char* name, int* value, int lo, int hi, float width_em,
              const char* tooltip) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(width_em * ImGui::GetFontSize());
    ImGui::InputInt((std::string("##") + name).c_str(), value, 0, 0);
    *value = std::clamp(*value, lo, hi);
    RecordItemRect(state, name);
    state.ui_text[name] = std::to_string(*value);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
}

}  // namespace

// ---- caches ---------------------------------------------------------------------------------------------------

void TopicsPanel::Refresh(const app::AppState& state) {
    const app::TopicsState& t = state.topics;
    if (t.view != cached) {
        // A refresh of the same model keeps what was computed for the last view until it is recomputed.
        const bool same_model = cached && t.view && cached->corpus == t.view->corpus &&
                                cached->snapshot.topics == t.view->snapshot.topics;
        cached = t.view;
        ++generation;
        if (!same_model) {
            // Names are made when first asked for (a pass over the vocabulary each): the rows on screen, the
            // hovered circle, the charted topics — not all K at every refresh.
            top_words.assign(cached ? static_cast<size_t>(cached->snapshot.topics) : 0, TopicWords());
            default_names.assign(top_words.size(), std::string());
            named.assign(top_words.size(), 0);
        }
        ranked_topic = -1;
    }
    recomputes_left = kRecomputesPerFrame;
    lambda = t.lambda;
    // The list's order: pinned first, then by share, then by number.
    order.clear();
    if (!cached) return;
    for (int k = 0; k < cached->snapshot.topics; ++k)
        if (t.show_hidden || !LabelOf(t, k).hidden) order.push_back(k);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const bool pa = LabelOf(t, a).pinned, pb = LabelOf(t, b).pinned;
        if (pa != pb) return pa;
        return cached->shares[static_cast<size_t>(a)] > cached->shares[static_cast<size_t>(b)];
    });
}

const std::vector<topics::TopicWord>& TopicsPanel::WordsOf(int topic) {
    TopicWords& w = top_words[static_cast<size_t>(topic)];
    // Only the topics drawn are recomputed (when λ moves or a refresh came); the previous words stay on show
    // once this frame's recomputations are used up.
    const bool fresh = w.lambda == lambda && w.generation == generation;
    if (!fresh && (w.words.empty() || recomputes_left > 0)) {
        --recomputes_left;
        w.words = topics::TopWords(cached->snapshot, cached->word_prob, topic, 30, lambda);
        w.lambda = lambda;
        w.generation = generation;
    }
    return w.words;
}

const std::string& TopicsPanel::DefaultName(int topic) {
    static const std::string kNone;
    if (!cached || topic < 0 || topic >= static_cast<int>(default_names.size())) return kNone;
    const size_t i = static_cast<size_t>(topic);
    if (named[i] != generation && (named[i] == 0 || recomputes_left > 0)) {
        --recomputes_left;
        default_names[i].clear();
        for (const topics::TopicWord& w : topics::TopWords(cached->snapshot, cached->word_prob, topic, 3, 1.0))
            default_names[i] += (default_names[i].empty() ? "" : " ") + cached->corpus->vocab[w.word];
        named[i] = generation;
    }
    return default_names[i];
}

std::string TopicsPanel::NameOf(const app::TopicsState& t, int topic) {
    const std::string& label = LabelOf(t, topic).label;
    return label.empty() ? DefaultName(topic) : label;
}

// ---- the panel --------------------------------------------------------------------------------------------------

void TopicsPanel::Draw(app::AppState& state) {
    if (!state.corpus) {
        MutedTextWrapped("Open a corpus to train a topic model on it.");
        return;
    }
    Refresh(state);
    // A corpus with saved models opens on the newest (once per corpus: a failure to open is shown, not retried).
    app::TopicsState& t = state.topics;
    if (!cached && t.training.job == 0 && !t.saved.empty() && auto_opened != state.corpus.get()) {
        auto_opened = state.corpus.get();
        t.request.open_model = t.saved.front().id;
    }
    DrawSettings(state);
    DrawTraining(state);
    ErrorText(state.topics.error);
    state.ui_text["topics.error"] = state.topics.training.error.empty() ? state.topics.error : state.topics.training.error;
    // For the test API: what is on show ("K sweeps final|live model-id"; "" none) and whether it trains.
    const app::TopicsTraining& tr = state.topics.training;
    state.ui_text["topics.training"] = tr.job == 0 ? "" : tr.paused ? "paused" : "running";
    state.ui_text["topics.view"] = cached ? std::to_string(cached->snapshot.topics) + " " + std::to_string(cached->sweeps) +
                                                (cached->final ? " final " : " live ") + std::to_string(state.topics.model_id)
                                          : "";
    if (!cached) {
        ImGui::Spacing();
        ImGui::PushTextWrapPos(std::min(ImGui::GetContentRegionAvail().x, 46.0f * ImGui::GetFontSize()));
        MutedTextWrapped("A topic model finds groups of words that tend to occur together (topics) and how much of "
                         "each document each topic makes up. Choose the number of topics K and press Train: the "
                         "list and charts fill in while it learns. The same corpus, settings and seed give the same "
                         "topics every time; the model is kept with the corpus.");
        ImGui::PopTextWrapPos();
        return;
    }
    const app::TopicsView& view = *cached;
    const float em = ImGui::GetFontSize();
    // The list (resizable) beside the tabs.
    // At 1024 px the tabs beside it need ~30 em to show their titles whole.
    const float list_w = std::clamp(ImGui::GetContentRegionAvail().x * 0.36f, 15 * em, 30 * em);
    ImGui::SetNextWindowSizeConstraints(ImVec2(14 * em, -1), ImVec2(ImGui::GetContentRegionAvail().x * 0.6f, -1));
    ImGui::BeginChild("list", ImVec2(list_w, 0), ImGuiChildFlags_Border | ImGuiChildFlags_ResizeX);
    DrawList(state, view);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("detail", ImVec2(0, 0));
    DrawSelected(state, view);
    if (ImGui::BeginTabBar("topic tabs")) {
        struct Tab { const char* title; const char* name; void (TopicsPanel::*draw)(app::AppState&, const app::TopicsView&); };
        const Tab tabs[] = {{"Map", "topics.tab.map", &TopicsPanel::DrawMap},
                            {"Over time", "topics.tab.time", &TopicsPanel::DrawOverTime},
                            {"Documents", "topics.tab.documents", &TopicsPanel::DrawDocuments},
                            {"Correlations", "topics.tab.correlations", &TopicsPanel::DrawCorrelations}};
        for (const Tab& tab : tabs) {
            const bool open = ImGui::BeginTabItem(tab.title);
            RecordItemRect(state, tab.name);
            if (!open) continue;
            state.ui_text["topics.tab"] = tab.name + std::string("topics.tab.").size();
            ImGui::BeginChild("tab");
            (this->*tab.draw)(state, view);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        const bool open = ImGui::BeginTabItem("Choose K");
        RecordItemRect(state, "topics.tab.k");
        if (open) {
            state.ui_text["topics.tab"] = "k";
            ImGui::BeginChild("tab");
            DrawChooseK(state);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::EndChild();
}

void TopicsPanel::DrawSettings(app::AppState& state) {
    app::TopicsState& t = state.topics;
    const bool training = t.training.job != 0;
    ImGui::BeginDisabled(training);
    IntField(state, "Topics (K)", "topics.k", &t.settings.topics, 1, 1000, 3.5f,
             "How many topics to find: 2 to 500. Try several with \"Choose K\".");
    SameLineOrWrap(9 * ImGui::GetFontSize());
    int seed = static_cast<int>(std::min<uint64_t>(t.settings.seed, 1u << 30));
    IntField(state, "Seed", "topics.seed", &seed, 0, 1 << 30, 4.5f,
             "The same corpus, settings and seed give the same topics, here or on any other computer");
    t.settings.seed = static_cast<uint64_t>(seed);
    SameLineOrWrap(10 * ImGui::GetFontSize());
    IntField(state, "Sweeps", "topics.sweeps", &t.settings.sweeps, 1, 100000, 4.5f,
             "Passes over every word: more learn better topics (1,000 is a good default)");
    SameLineOrWrap(14 * ImGui::GetFontSize());
    IntField(state, "Chunks of", "topics.chunk", &t.input.chunk_words, 0, 1000000, 4.5f,
             "Long documents are split into chunks of about this many words (0: never), whose topic mixes add up "
             "to the document's");
    ImGui::SameLine();
    ImGui::TextUnformatted("words");
    SameLineOrWrap(ButtonWidth("Vocabulary…"));
    if (ImGui::Button("Vocabulary…")) open_vocabulary = true;
    RecordItemRect(state, "topics.vocabulary");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Stopwords and word frequency rules: which words the model leaves out");
    ImGui::EndDisabled();

    // Train, on the subcorpus Search is filtered to (its chip says which).
    const std::string on = state.subcorpus_label.empty()
                               ? "on the whole corpus (" + core::CountText(static_cast<int64_t>(state.documents.size()), "document") + ")"
                               : "on " + state.subcorpus_label + " only";
    SameLineOrWrap(ButtonWidth("Train") + ImGui::CalcTextSize(on.c_str()).x + 2 * ImGui::GetStyle().ItemSpacing.x);
    if (ButtonIf(!training && !state.jobs.Busy(), "Train", training ? "A model is training: cancel it first" : kBusyReason))
        t.request.train = true;
    RecordItemRect(state, "topics.train");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().muted);
    ImGui::TextUnformatted(on.c_str());
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Training uses the documents Search is filtered to: click a bar of a Search chart to filter, "
                          "its chip to clear");

    // Saved models.
    if (!t.saved.empty()) {
        std::string shown = "(unsaved)";
        for (const app::SavedTopicModel& m : t.saved)
            if (m.id == t.model_id) shown = m.name;
        SameLineOrWrap(ImGui::CalcTextSize("Model").x + 14 * ImGui::GetFontSize());
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Model");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(14 * ImGui::GetFontSize());
        ImGui::BeginDisabled(training);
        if (ImGui::BeginCombo("##model", shown.c_str())) {
            for (size_t i = 0; i < t.saved.size(); ++i) {
                const app::SavedTopicModel& m = t.saved[i];
                ImGui::PushID(static_cast<int>(i));
                const std::string item = m.name + "  ·  " + m.created.substr(0, 10);
                if (ImGui::Selectable(item.c_str(), m.id == t.model_id)) t.request.open_model = m.id;
                RecordItemRect(state, ("topics.model" + std::to_string(i)).c_str());
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("K %d · %s · %s · log-likelihood per token %s", m.topics,
                                      core::CountText(m.sweeps, "sweep").c_str(), core::CountText(m.documents, "document").c_str(),
                                      core::DecimalText(m.log_likelihood_per_token, 3).c_str());
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
        ImGui::EndDisabled();
        RecordItemRect(state, "topics.models");
    }
    DrawVocabulary(state);
}

void TopicsPanel::DrawVocabulary(app::AppState& state) {
    app::TopicsState& t = state.topics;
    if (!BeginDialog("Vocabulary", &open_vocabulary)) return;
    const float em = ImGui::GetFontSize();
    ImGui::Checkbox("Leave out common words of each document's language (built-in stopword lists)", &t.input.builtin_stopwords);
    RecordItemRect(state, "topics.builtin_stopwords");
    IntField(state, "Also leave out the", "topics.drop_frequent", &t.input.drop_most_frequent, 0, 100000, 4, "0: none");
    ImGui::SameLine();
    ImGui::TextUnformatted("most frequent words");
    IntField(state, "Leave out words in fewer than", "topics.min_df", &t.input.min_doc_freq, 1, 1000000, 4,
             "Rare words say little about topics and slow training down");
    ImGui::SameLine();
    ImGui::TextUnformatted("documents");
    ImGui::TextUnformatted("Your own stopwords (one a line, or separated by commas):");
    if (InputStringMultiline("##user stopwords", &t.user_stopwords_text, ImVec2(34 * em, 6 * em))) {
        // Live: the words are split here and used by the next training (the job folds case as search does).
        t.input.user_stopwords.clear();
        std::string word;
        for (char c : t.user_stopwords_text + "\n") {
            if (c == '\n' || c == ',' || c == '\r') {
                while (!word.empty() && word.back() == ' ') word.pop_back();
                const size_t start = word.find_first_not_of(' ');
                if (start != std::string::npos) t.input.user_stopwords.push_back(word.substr(start));
                word.clear();
            } else {
                word += c;
            }
        }
    }
    RecordItemRect(state, "topics.user_stopwords");
    state.ui_text["topics.user_stopwords"] = t.user_stopwords_text;
    const auto& d = t.dropped;
    if (!d.stopwords.empty() || !d.most_frequent.empty() || d.rare > 0) {
        ImGui::Spacing();
        ImGui::PushTextWrapPos(34 * em);
        auto list = [](const char* what, const std::vector<std::string>& words) {
            if (words.empty()) return;
            std::string text = std::string(what) + " (" + core::CountText(static_cast<int64_t>(words.size())) + "): ";
            for (size_t i = 0; i < std::min<size_t>(words.size(), 40); ++i) text += (i ? ", " : "") + words[i];
            if (words.size() > 40) text += " …";
            MutedTextWrapped(text.c_str());
        };
        ImGui::TextUnformatted("The last training left out:");
        list("stopwords", d.stopwords);
        list("most frequent", d.most_frequent);
        if (d.rare > 0) MutedTextWrapped(("rare words: " + core::CountText(static_cast<int64_t>(d.rare))).c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::Spacing();
    if (ImGui::Button("Close")) { open_vocabulary = false; ImGui::CloseCurrentPopup(); }
    RecordItemRect(state, "topics.vocabulary.close");
    ImGui::EndPopup();
}

void TopicsPanel::DrawTraining(app::AppState& state) {
    app::TopicsState& t = state.topics;
    const app::TopicsTraining& tr = t.training;
    const float em = ImGui::GetFontSize();
    ErrorText(tr.error);
    const bool training = tr.job != 0;
    if (!training && !cached) return;
    ImGui::Separator();
    ImGui::AlignTextToFramePadding();
    std::string figures;
    if (training) {
        figures = (tr.paused ? "Paused at sweep " : tr.phase == "sampling" || tr.phase.empty() ? "Training: sweep " : tr.phase + ": sweep ") +
                  core::CountText(tr.sweep) + " of " + core::CountText(tr.sweeps);
        if (tr.tokens_per_s > 0 && !tr.paused) figures += "  ·  " + core::DecimalText(tr.tokens_per_s / 1e6, 1) + " M tokens/s";
    } else if (cached) {
        figures = "K " + std::to_string(cached->snapshot.topics) + "  ·  " + core::CountText(cached->sweeps, "sweep");
    }
    if (!tr.log_likelihood.empty())
        figures += "  ·  log-likelihood/token " + core::DecimalText(tr.log_likelihood.back().second, 3);
    ImGui::TextUnformatted(figures.c_str());
    state.ui_text["topics.status"] = figures;
    if (tr.tokens > 0 && ImGui::IsItemHovered())   // what it trains on, for who asks (the line stays short at 1024 px)
        ImGui::SetTooltip("Trained on %s in %s of %s; a vocabulary of %s words", core::CountText(static_cast<int64_t>(tr.tokens), "token").c_str(),
                          core::CountText(static_cast<int64_t>(tr.chunks), "chunk").c_str(),
                          core::CountText(static_cast<int64_t>(tr.documents), "document").c_str(),
                          core::CountText(static_cast<int64_t>(tr.vocabulary)).c_str());
    if (training) {
        SameLineOrWrap(ButtonWidth("Continue") + ButtonWidth("Cancel") + 8 * em);
        ImGui::ProgressBar(tr.sweeps > 0 ? static_cast<float>(tr.sweep) / static_cast<float>(tr.sweeps) : 0.0f, ImVec2(8 * em, 0), "");
        ImGui::SameLine();
        if (tr.paused) {
            if (ImGui::Button("Continue")) t.request.resume = true;
            RecordItemRect(state, "topics.resume");
        } else {
            if (ImGui::Button("Pause")) t.request.pause = true;
            RecordItemRect(state, "topics.pause");
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) t.request.cancel = true;
        RecordItemRect(state, "topics.cancel");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Stop training; the topics shown so far stay");
    } else {
        SameLineOrWrap(ButtonWidth("Train 200 more"));
        if (ButtonIf(!state.jobs.Busy(), "Train 200 more", kBusyReason)) t.request.more_sweeps = 200;
        RecordItemRect(state, "topics.more");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Continue this model for 200 more sweeps");
    }
    // The log-likelihood as it learns: a small live chart while training (it flattens when the model settles).
    if (training && tr.log_likelihood.size() >= 2) {
        ll_x.clear();
        ll_y.clear();
        for (const auto& [sweep, ll] : tr.log_likelihood) {
            ll_x.push_back(sweep);
            ll_y.push_back(ll);
        }
        if (BeginChart("Log-likelihood per token##ll", ImVec2(std::min(ImGui::GetContentRegionAvail().x, 34 * em), 7.5f * em))) {
            SetupAxes("sweep", "log-likelihood per token (nats)", AxisKind::Year, AxisKind::Linear);   // whole sweeps
            SetupAxisDecimals(ChartAxis::Y, 3);
            PlotLine("log-likelihood per token", ll_x.data(), ll_y.data(), static_cast<int>(ll_x.size()));
            HandleChart(state, "topics.ll", "topics-log-likelihood", EndChart());
        }
    }
    ImGui::Separator();
}

void TopicsPanel::DrawList(app::AppState& state, const app::TopicsView& view) {
    app::TopicsState& t = state.topics;
    const float em = ImGui::GetFontSize();
    const int k = view.snapshot.topics;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("λ");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::max(ImGui::GetContentRegionAvail().x - ButtonWidth("Copy") - ButtonWidth("CSV") - 2 * ImGui::GetStyle().ItemSpacing.x, 5 * em));
    ImGui::SliderFloat("##lambda", &t.lambda, 0.0f, 1.0f, "%.2f");
    RecordItemRect(state, "topics.lambda");
    state.ui_text["topics.lambda"] = core::DecimalText(t.lambda, 2);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Relevance (Sievert & Shirley): λ = 1 ranks a topic's words by their probability in it;\n"
                          "lower λ favours words special to the topic (frequent in it, rare elsewhere). 0.6 reads best.");
    // The table as text: Copy (TSV) and Export CSV.
    auto table = [&](char sep) {
        std::string out = std::string("topic") + sep + "label" + sep + "share" + sep + "top words\n";
        for (int topic = 0; topic < k; ++topic) {
            std::string words;
            for (const topics::TopicWord& w : WordsOf(topic)) words += (words.empty() ? "" : " ") + view.corpus->vocab[w.word];
            const std::string label = LabelOf(t, topic).label;
            out += std::to_string(topic + 1) + sep + (sep == ',' ? Csv(label) : label) + sep +
                   core::DecimalText(view.shares[static_cast<size_t>(topic)], 4) + sep + words + "\n";
        }
        return out;
    };
    ImGui::SameLine();
    if (ImGui::Button("Copy")) ImGui::SetClipboardText(table('\t').c_str());
    RecordItemRect(state, "topics.list.copy");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Copy the topics with their top 30 words at this λ (tab-separated)");
    ImGui::SameLine();
    if (ImGui::Button("CSV")) app::RequestDownload(state, "topics.csv", "text/csv", table(','));
    RecordItemRect(state, "topics.list.csv");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Export the topics with their top 30 words at this λ as CSV");

    // Rows: swatch and name, share and sparkline on the first line; the top words at λ on the second.
    const float share_w = ImGui::CalcTextSize("00.0%").x;
    ImGui::BeginChild("rows");
    // A narrow list (1024 px screens) keeps the names readable and leaves the sparklines out.
    const float spark_w = ImGui::GetContentRegionAvail().x >= 22 * em ? 4.5f * em : 0.0f;
    const float row_h = ImGui::GetTextLineHeightWithSpacing() * 2 + ImGui::GetStyle().ItemSpacing.y;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(order.size()), row_h);
    const size_t years = view.years.size();
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const int topic = order[static_cast<size_t>(r)];
            const app::TopicLabel& label = LabelOf(t, topic);
            ImGui::PushID(topic);
            const ImVec2 row_min = ImGui::GetCursorScreenPos();
            const float width = ImGui::GetContentRegionAvail().x;
            if (ImGui::Selectable("##row", t.selected_topic == topic, ImGuiSelectableFlags_AllowOverlap, ImVec2(width, row_h - ImGui::GetStyle().ItemSpacing.y)))
                t.selected_topic = topic;
            RecordItemRect(state, ("topics.row" + std::to_string(topic)).c_str());
            ImGui::SetCursorScreenPos(row_min);
            Swatch(topic);
            ImGui::SameLine();
            std::string name = std::to_string(topic + 1) + "  " + NameOf(t, topic);
            if (label.pinned) name = "▲ " + name;   // U+25B2, in the UI font's shapes block
            // The name takes the line up to the share (and the sparkline when there is room for one).
            const float name_x = ImGui::GetCursorScreenPos().x - row_min.x;
            name = FitText(name, std::max(width - name_x - spark_w - share_w - 2 * ImGui::GetStyle().ItemSpacing.x, 3 * em));
            if (label.hidden) ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().muted);
            ImGui::TextUnformatted(name.c_str());
            if (label.hidden) ImGui::PopStyleColor();
            ImGui::SameLine(width - spark_w - share_w - ImGui::GetStyle().ItemSpacing.x);
            ImGui::TextUnformatted(Percent(view.shares[static_cast<size_t>(topic)]).c_str());
            ImGui::SameLine(width - spark_w);
            if (spark_w > 0 && years > 0 && view.by_year.size() >= years * static_cast<size_t>(k)) {
                spark.resize(years);
                for (size_t y = 0; y < years; ++y) spark[y] = view.by_year[y * static_cast<size_t>(k) + static_cast<size_t>(topic)];
                const int at = Sparkline("spark", spark.data(), static_cast<int>(years), ImVec2(spark_w, ImGui::GetTextLineHeight()), SeriesColor(topic));
                if (at >= 0)
                    ImGui::SetTooltip("%s: %s of the words", view.years[static_cast<size_t>(at)].c_str(),
                                      std::isfinite(spark[static_cast<size_t>(at)]) ? Percent(spark[static_cast<size_t>(at)], 2).c_str() : "no documents");
            } else {
                ImGui::Dummy(ImVec2(spark_w, ImGui::GetTextLineHeight()));
            }
            std::string words;
            for (size_t i = 0; i < std::min<size_t>(WordsOf(topic).size(), 12); ++i)
                words += (i ? " " : "") + view.corpus->vocab[WordsOf(topic)[i].word];
            ImGui::SetCursorScreenPos(ImVec2(row_min.x + 1.2f * em, ImGui::GetCursorScreenPos().y));
            ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().muted);
            ImGui::TextUnformatted(FitText(words, width - 1.2f * em).c_str());
            ImGui::PopStyleColor();
            if (r == 0) state.ui_text["topics.row0.words"] = words;
            ImGui::SetCursorScreenPos(ImVec2(row_min.x, row_min.y + row_h));
            ImGui::PopID();
        }
    }
    ImGui::Dummy(ImVec2(0, 0));
    const int hidden = k - static_cast<int>(order.size());
    if (hidden > 0 || t.show_hidden) {
        ImGui::Checkbox(("Show hidden topics (" + std::to_string(hidden > 0 ? hidden : 0) + ")").c_str(), &t.show_hidden);
        RecordItemRect(state, "topics.show_hidden");
    }
    ImGui::EndChild();
}

void TopicsPanel::DrawSelected(app::AppState& state, const app::TopicsView& view) {
    app::TopicsState& t = state.topics;
    const float em = ImGui::GetFontSize();
    const int k = view.snapshot.topics;
    if (t.selected_topic < 0 || t.selected_topic >= k) {
        ImGui::AlignTextToFramePadding();
        MutedTextWrapped("Click a topic in the list or a circle on the map to see its words, documents and history.");
        state.ui_text["topics.selected"] = "";
        return;
    }
    const int topic = t.selected_topic;
    ImGui::AlignTextToFramePadding();
    Swatch(topic);
    ImGui::SameLine();
    ImGui::Text("Topic %d", topic + 1);
    state.ui_text["topics.selected"] = std::to_string(topic + 1);
    ImGui::SameLine();
    app::TopicLabel& label = EditLabel(t, topic, k);
    // The label takes what Pin, Hide and the checkbox leave on the line; when that is under 16 em the checkbox
    // goes to the next line instead (1024 px screens).
    const ImGuiStyle& style = ImGui::GetStyle();
    const float buttons_w = ButtonWidth("Unpin") + ButtonWidth("Show") + 2 * style.ItemSpacing.x;
    const float check_w = ImGui::GetFrameHeight() + ImGui::CalcTextSize("on time chart").x + style.ItemInnerSpacing.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    float field_w = avail - buttons_w - check_w - style.ItemSpacing.x;
    if (field_w < 16 * em) field_w = avail - buttons_w;
    field_w = std::clamp(field_w, 6 * em, 24 * em);
    ImGui::SetNextItemWidth(field_w);
    const std::string hint = "label, e.g. " + DefaultName(topic);
    const bool hint_fits = ImGui::CalcTextSize(hint.c_str()).x + 2 * style.FramePadding.x <= field_w;
    InputString("##label", hint_fits ? hint.c_str() : "label this topic", &label.label);
    if (ImGui::IsItemDeactivatedAfterEdit()) t.request.save_labels = true;
    RecordItemRect(state, "topics.label");
    state.ui_text["topics.label"] = label.label;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Name this topic: the name replaces its top words in lists, charts and exports");
    SameLineOrWrap(ButtonWidth("Unpin"));
    if (ImGui::Button(label.pinned ? "Unpin" : "Pin")) { label.pinned = !label.pinned; t.request.save_labels = true; }
    RecordItemRect(state, "topics.pin");
    SameLineOrWrap(ButtonWidth("Show"));
    if (ImGui::Button(label.hidden ? "Show" : "Hide")) { label.hidden = !label.hidden; t.request.save_labels = true; }
    RecordItemRect(state, "topics.hide");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(label.hidden ? "List and chart this topic again" : "Leave this topic out of the list and charts");
    const bool charted = std::find(t.chart_topics.begin(), t.chart_topics.end(), topic) != t.chart_topics.end();
    bool on_chart = charted;
    SameLineOrWrap(ImGui::GetFrameHeight() + ImGui::CalcTextSize("on time chart").x + ImGui::GetStyle().ItemInnerSpacing.x);
    if (ImGui::Checkbox("on time chart", &on_chart)) {
        if (on_chart) t.chart_topics.push_back(topic);
        else t.chart_topics.erase(std::remove(t.chart_topics.begin(), t.chart_topics.end(), topic), t.chart_topics.end());
    }
    RecordItemRect(state, "topics.chart_topic");
}

void TopicsPanel::DrawMap(app::AppState& state, const app::TopicsView& view) {
    app::TopicsState& t = state.topics;
    const float em = ImGui::GetFontSize();
    const int k = view.snapshot.topics;
    if (view.map.size() < static_cast<size_t>(k)) { MutedTextWrapped(k > 40 ? "With more than 40 topics the map is drawn when training ends."
                                                                 : "The map is computed when the first sweeps are done."); return; }
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool side_by_side = avail >= 50 * em;
    const float map_w = side_by_side ? avail * 0.5f : avail;
    const float map_h = side_by_side ? std::max(ImGui::GetContentRegionAvail().y, 20 * em) : std::min(avail * 0.75f, 24 * em);
    map_x.clear();
    map_y.clear();
    map_colors.clear();
    std::vector<int> shown;   // hidden topics are left off the map
    for (int topic = 0; topic < k; ++topic) {
        if (LabelOf(t, topic).hidden && !t.show_hidden) continue;
        shown.push_back(topic);
        map_x.push_back(view.map[static_cast<size_t>(topic)].first);
        map_y.push_back(view.map[static_cast<size_t>(topic)].second);
        map_colors.push_back(SeriesColor(topic));
    }
    std::vector<double> sizes;
    int selected = -1;
    for (size_t i = 0; i < shown.size(); ++i) {
        sizes.push_back(view.shares[static_cast<size_t>(shown[i])]);
        if (shown[i] == t.selected_topic) selected = static_cast<int>(i);
    }
    if (BeginChart("Intertopic distance map##map", ImVec2(map_w, map_h))) {
        SetupAxes("PC1 (classical MDS of Jensen–Shannon distances)", "PC2");
        SetupAxisDecimals(ChartAxis::X, 3);
        SetupAxisDecimals(ChartAxis::Y, 3);
        const float radius = std::clamp(std::min(map_w, map_h) * 0.11f, 1.2f * em, 3.5f * em);
        PlotScatter("topic", map_x.data(), map_y.data(), static_cast<int>(shown.size()),
                    {.sizes = sizes.data(), .max_radius = radius, .colors = map_colors.data(),
                     .label = [&](int i) { return std::to_string(shown[static_cast<size_t>(i)] + 1); }, .selected = selected});
        const ChartResult r = EndChart();
        HandleChart(state, "topics.map", "topics-map", r);
        // Each circle's centre for the test API (clicks on a real circle).
        for (size_t i = 0; i < shown.size(); ++i) {
            const float x = r.plot_min.x + static_cast<float>((map_x[i] - r.x_min) / (r.x_max - r.x_min)) * (r.plot_max.x - r.plot_min.x);
            const float y = r.plot_max.y - static_cast<float>((map_y[i] - r.y_min) / (r.y_max - r.y_min)) * (r.plot_max.y - r.plot_min.y);
            state.widgets["topics.map.topic" + std::to_string(shown[i])] = {x - 2, y - 2, 4, 4};
        }
        if (r.item_index >= 0) {
            const int topic = shown[static_cast<size_t>(r.item_index)];
            ImGui::BeginTooltip();
            ImGui::Text("%s · %s of the words", NameOf(t, topic).c_str(), Percent(view.shares[static_cast<size_t>(topic)]).c_str());
            std::string words;
            for (size_t i = 0; i < std::min<size_t>(WordsOf(topic).size(), 10); ++i) words += (i ? ", " : "") + view.corpus->vocab[WordsOf(topic)[i].word];
            ImGui::TextDisabled("%s", words.c_str());
            ImGui::TextDisabled("Click to select");
            ImGui::EndTooltip();
            if (r.clicked) t.selected_topic = topic;
        }
    }
    if (side_by_side) ImGui::SameLine();
    DrawWordBars(state, view);
}

void TopicsPanel::DrawWordBars(app::AppState& state, const app::TopicsView& view) {
    app::TopicsState& t = state.topics;
    const float em = ImGui::GetFontSize();
    if (t.selected_topic < 0 || t.selected_topic >= view.snapshot.topics) {
        ImGui::BeginGroup();
        MutedTextWrapped("Select a topic to compare its words' frequency in it with their frequency in the whole corpus.");
        ImGui::EndGroup();
        return;
    }
    const int topic = t.selected_topic;
    const std::vector<topics::TopicWord>& words = WordsOf(topic);
    const double tokens = static_cast<double>(view.corpus->tokens.size());
    bar_corpus.clear();
    bar_topic.clear();
    for (const topics::TopicWord& w : words) {
        bar_corpus.push_back(std::round(view.word_prob[w.word] * tokens));
        bar_topic.push_back(w.count);
    }
    const std::string title = "Top words of topic " + std::to_string(topic + 1) + " at λ = " + core::DecimalText(t.lambda, 2) + "##bars";
    const float h = std::max(ImGui::GetContentRegionAvail().y, 18 * em);
    if (BeginChart(title.c_str(), ImVec2(ImGui::GetContentRegionAvail().x, h))) {
        SetupAxes("occurrences (tokens)", nullptr, AxisKind::Linear, AxisKind::Category);
        SetupAxisCategories(ChartAxis::Y, static_cast<int>(words.size()),
                            [&](int i) { return view.corpus->vocab[words[static_cast<size_t>(i)].word]; });
        SetNextColor(ImGui::GetColorU32(ImGuiCol_Border));
        PlotBarsH("in the whole corpus", bar_corpus.data(), static_cast<int>(bar_corpus.size()));
        SetNextColor(SeriesColor(topic));
        PlotBarsH("assigned to this topic", bar_topic.data(), static_cast<int>(bar_topic.size()));
        const ChartResult r = EndChart();
        HandleChart(state, "topics.bars", "topic-words", r);
        if (r.item_index >= 0 && static_cast<size_t>(r.item_index) < words.size()) {
            const topics::TopicWord& w = words[static_cast<size_t>(r.item_index)];
            ImGui::BeginTooltip();
            ImGui::TextDisabled("%s of %s in this topic · p(w|t) %s · lift %s · relevance %s", core::CountText(w.count).c_str(),
                                core::CountText(static_cast<int64_t>(bar_corpus[static_cast<size_t>(r.item_index)])).c_str(),
                                core::DecimalText(w.probability, 4).c_str(), core::DecimalText(w.lift, 2).c_str(),
                                core::DecimalText(w.relevance, 2).c_str());
            ImGui::EndTooltip();
        }
    }
}

void TopicsPanel::DrawOverTime(app::AppState& state, const app::TopicsView& view) {
    app::TopicsState& t = state.topics;
    const float em = ImGui::GetFontSize();
    const int k = view.snapshot.topics;
    // Controls: group by year or a field; lines or stacked areas.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Per");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(9 * em);
    const std::string& group = view.group_by.empty() ? std::string("year") : view.group_by;
    const std::string asked = t.request.group_by.empty() ? group : t.request.group_by;
    if (ImGui::BeginCombo("##group", asked.c_str())) {
        if (ImGui::Selectable("year", asked == "year")) t.request.group_by = "year";
        RecordItemRect(state, "topics.group.year");
        for (const std::string& field : state.search_charts.fields) {
            if (ImGui::Selectable(field.c_str(), asked == field)) t.request.group_by = field;
            RecordItemRect(state, ("topics.group." + field).c_str());
        }
        ImGui::EndCombo();
    }
    RecordItemRect(state, "topics.group");
    state.ui_text["topics.group"] = group;
    // Years are a continuous axis (lines or stacked areas); a field's values are categories: grouped bars
    // (an area drawn between two parties would invent values between them).
    const bool by_year = group == "year";
    ImGui::SameLine();
    ImGui::BeginDisabled(!by_year);
    if (ImGui::RadioButton("lines", !t.stacked)) t.stacked = false;
    RecordItemRect(state, "topics.lines");
    ImGui::SameLine();
    if (ImGui::RadioButton("stacked areas", t.stacked)) t.stacked = true;
    RecordItemRect(state, "topics.stacked");
    ImGui::EndDisabled();
    if (!by_year && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Per %s the topics are bars side by side: lines and areas are for years", group.c_str());

    // The topics on the chart: those chosen, else the selected one, else the five largest shown.
    std::vector<int> chosen;
    for (int topic : t.chart_topics)
        if (topic >= 0 && topic < k) chosen.push_back(topic);
    if (chosen.empty() && t.selected_topic >= 0 && t.selected_topic < k) chosen.push_back(t.selected_topic);
    if (chosen.empty())
        for (size_t i = 0; i < std::min<size_t>(order.size(), 5); ++i) chosen.push_back(order[i]);
    const size_t groups = view.group_keys.size();
    if (groups == 0 || view.prevalence.size() < groups * static_cast<size_t>(k)) {
        MutedTextWrapped("No documents with a value to group by.");
        return;
    }
    const bool stacked = t.stacked && by_year;
    group_x.resize(groups);
    for (size_t g = 0; g < groups; ++g) group_x[g] = by_year ? std::atof(view.group_keys[g].c_str()) : static_cast<double>(g);
    // Series: each chosen topic's prevalence per group; stacked, each band from the one below.
    const size_t n = chosen.size();
    stack.assign((n + 1) * groups, 0.0);
    for (size_t g = 0; g < groups; ++g) {
        double below = 0;
        for (size_t s = 0; s < n; ++s) {
            const double v = view.prevalence[g * static_cast<size_t>(k) + static_cast<size_t>(chosen[s])];
            if (!stacked) { stack[(s + 1) * groups + g] = v; continue; }
            stack[s * groups + g] = std::isfinite(v) ? below : v;
            below = std::isfinite(v) ? below + v : below;
            stack[(s + 1) * groups + g] = std::isfinite(v) ? below : v;
        }
    }
    std::vector<std::string> names;
    for (int topic : chosen) names.push_back(std::to_string(topic + 1) + " " + NameOf(t, topic));
    // One topic: its name heads the chart (no legend for one series); several: the legend names them.
    const std::string title = (n == 1 ? "Topic " + names[0] + ", per " : std::string("Topics per ")) + group + "##time";
    if (BeginChart(title.c_str(), ImVec2(-1, std::max(ImGui::GetContentRegionAvail().y, 16 * em)))) {
        SetupAxes(group.c_str(), "share of the words (token-weighted mean of θ)", by_year ? AxisKind::Year : AxisKind::Category,
                  AxisKind::Linear);
        if (!by_year)
            SetupAxisCategories(ChartAxis::X, static_cast<int>(groups), [&](int i) { return view.group_keys[static_cast<size_t>(i)]; });
        SetupAxisDecimals(ChartAxis::Y, 3);
        if (stacked) SetupAxisLimits(ChartAxis::Y, 0, std::min(1.0, NiceCeiling([&] {
            double top = 0;
            for (size_t g = 0; g < groups; ++g)
                if (std::isfinite(stack[n * groups + g])) top = std::max(top, stack[n * groups + g]);
            return top;
        }(), 6)));
        // Grouped bars: each topic's bar offset within its category's slot.
        const double bar_w = 0.8 / static_cast<double>(n);
        bar_x.resize(n * groups);
        for (size_t s = 0; s < n; ++s) {
            SetNextColor(SeriesColor(chosen[s]));
            if (!by_year) {
                for (size_t g = 0; g < groups; ++g)
                    bar_x[s * groups + g] = static_cast<double>(g) - 0.4 + bar_w * (static_cast<double>(s) + 0.5);
                PlotBars(names[s].c_str(), bar_x.data() + s * groups, stack.data() + (s + 1) * groups, static_cast<int>(groups), bar_w);
            } else if (stacked) {
                // Band s: from row s of the stack (the sum of the bands below; 0 for the first, NaN where the
                // group has no documents) to row s + 1.
                PlotShaded(names[s].c_str(), group_x.data(), stack.data() + s * groups, stack.data() + (s + 1) * groups,
                           static_cast<int>(groups));
            } else {
                PlotLine(names[s].c_str(), group_x.data(), stack.data() + (s + 1) * groups, static_cast<int>(groups));
            }
        }
        HandleChart(state, "topics.time", "topics-over-time", EndChart());
    }
}

void TopicsPanel::DrawDocuments(app::AppState& state, const app::TopicsView& view) {
    app::TopicsState& t = state.topics;
    const float em = ImGui::GetFontSize();
    const int k = view.snapshot.topics;
    const size_t docs = view.corpus->Documents();
    if (t.selected_topic < 0 || t.selected_topic >= k) { MutedTextWrapped("Select a topic to list its documents."); return; }
    if (view.doc_topics.size() < docs * static_cast<size_t>(k)) return;
    const int topic = t.selected_topic;
    if (ranked_topic != topic) {   // a sort of the documents, once per model refresh and selection
        ranked_docs.resize(docs);
        for (size_t d = 0; d < docs; ++d) ranked_docs[d] = static_cast<uint32_t>(d);
        const size_t kk = static_cast<size_t>(k);
        std::stable_sort(ranked_docs.begin(), ranked_docs.end(), [&](uint32_t a, uint32_t b) {
            return view.doc_topics[a * kk + static_cast<size_t>(topic)] > view.doc_topics[b * kk + static_cast<size_t>(topic)];
        });
        ranked_topic = topic;
    }
    if (titles_version != state.documents_version) {
        title_ids.clear();
        for (const store::DocumentSummary& d : state.documents) title_ids.push_back(d.id);
        titles_version = state.documents_version;
    }
    auto summary = [&](int64_t id) -> const store::DocumentSummary* {
        const auto it = std::lower_bound(title_ids.begin(), title_ids.end(), id);
        if (it == title_ids.end() || *it != id) {   // documents are not sorted by id: look the slow way
            for (const store::DocumentSummary& d : state.documents) if (d.id == id) return &d;
            return nullptr;
        }
        return &state.documents[static_cast<size_t>(it - title_ids.begin())];
    };
    auto table = [&](char sep) {
        std::string out = std::string("rank") + sep + "document" + sep + "date" + sep + "share of topic " + std::to_string(topic + 1) + "\n";
        for (size_t i = 0; i < ranked_docs.size(); ++i) {
            const int64_t id = view.corpus->doc_ids[ranked_docs[i]];
            const store::DocumentSummary* d = summary(id);
            const std::string title = d ? d->title : std::to_string(id);
            out += std::to_string(i + 1) + sep + (sep == ',' ? Csv(title) : title) + sep + (d ? d->date : "") + sep +
                   core::DecimalText(view.doc_topics[ranked_docs[i] * static_cast<size_t>(k) + static_cast<size_t>(topic)], 4) + "\n";
        }
        return out;
    };
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s, by the share of topic %d", core::CountText(static_cast<int64_t>(docs), "document").c_str(), topic + 1);
    ImGui::SameLine();
    if (ImGui::Button("Copy")) ImGui::SetClipboardText(table('\t').c_str());
    RecordItemRect(state, "topics.docs.copy");
    ImGui::SameLine();
    if (ImGui::Button("Export CSV")) app::RequestDownload(state, "topic-" + std::to_string(topic + 1) + "-documents.csv", "text/csv", table(','));
    RecordItemRect(state, "topics.docs.csv");

    const float mix_w = std::clamp(ImGui::GetContentRegionAvail().x * 0.3f, 6 * em, 16 * em);
    const float share_w = ImGui::CalcTextSize("100.0%").x;
    ImGui::BeginChild("docs");
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(ranked_docs.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const uint32_t d = ranked_docs[static_cast<size_t>(i)];
            const int64_t id = view.corpus->doc_ids[d];
            const store::DocumentSummary* doc = summary(id);
            ImGui::PushID(i);
            const double* theta = view.doc_topics.data() + static_cast<size_t>(d) * static_cast<size_t>(k);
            ImGui::TextUnformatted(Percent(theta[topic]).c_str());
            ImGui::SameLine(share_w + ImGui::GetStyle().ItemSpacing.x);
            const int under = MixBar(theta, k, ImVec2(mix_w, ImGui::GetTextLineHeight()));
            if (under >= 0) ImGui::SetTooltip("topic %d %s: %s of this document", under + 1, NameOf(t, under).c_str(), Percent(theta[under]).c_str());
            ImGui::SameLine();
            std::string title = doc ? doc->title : "document " + std::to_string(id);
            if (doc && !doc->date.empty() && title.find(doc->date.substr(0, 4)) == std::string::npos) title += "  ·  " + doc->date.substr(0, 4);
            ImGui::PushStyleColor(ImGuiCol_Text, CurrentPalette().accent);
            if (ImGui::Selectable(FitText(title, ImGui::GetContentRegionAvail().x).c_str())) app::OpenInReader(state, id);
            ImGui::PopStyleColor();
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open in the Reader, its words coloured by topic");
            RecordItemRect(state, ("topics.doc" + std::to_string(i)).c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

void TopicsPanel::DrawCorrelations(app::AppState& state, const app::TopicsView& view) {
    app::TopicsState& t = state.topics;
    const int k = view.snapshot.topics;
    const size_t kk = static_cast<size_t>(k);
    if (view.correlations.size() < kk * kk) return;
    // Off the diagonal only (a topic's correlation with itself is 1 and says nothing), on a symmetric scale.
    corr = view.correlations;
    double top = 0.05;
    for (size_t i = 0; i < kk; ++i)
        for (size_t j = 0; j < kk; ++j) {
            if (i == j) corr[i * kk + j] = std::nan("");
            else if (std::isfinite(corr[i * kk + j])) top = std::max(top, std::fabs(corr[i * kk + j]));
        }
    top = std::ceil(top * 20) / 20;   // to 0.05
    MutedTextWrapped("How topics occur together in documents: red, more often than chance (Pearson correlation of "
                     "their shares across documents); blue, less.");
    if (BeginChart("Topic correlations##corr", ImVec2(-1, std::max(ImGui::GetContentRegionAvail().y, 16 * ImGui::GetFontSize())))) {
        SetupAxes("topic", nullptr, AxisKind::Category, AxisKind::Category);
        SetupAxisCategories(ChartAxis::X, k, [](int i) { return std::to_string(i + 1); });
        SetupAxisCategories(ChartAxis::Y, k, [&](int i) { return std::to_string(i + 1) + " " + NameOf(t, i); });
        PlotHeatmap("correlation", corr.data(), k, k, -top, top);
        const ChartResult r = EndChart();
        HandleChart(state, "topics.corr", "topic-correlations", r);
        if (r.item_index >= 0 && r.clicked) t.selected_topic = r.item_index / k;
    }
}

void TopicsPanel::DrawChooseK(app::AppState& state) {
    app::TopicsState& t = state.topics;
    app::TopicsKComparison& c = t.comparison;
    MutedTextWrapped("Train several K in a row with the same settings and compare: higher log-likelihood per token "
                     "fits the text better (it always grows with K); higher coherence (UMass closer to 0, NPMI higher) "
                     "means a topic's top words really occur together in documents.");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("K values");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(10 * ImGui::GetFontSize());
    InputString("##ks", "10, 20, 40", &k_list);
    RecordItemRect(state, "topics.k_list");
    std::vector<int> ks;
    bool valid = true;
    for (const char* p = k_list.c_str(); *p;) {
        if (*p == ',' || *p == ' ') { ++p; continue; }
        char* end = nullptr;
        const long v = std::strtol(p, &end, 10);
        if (end == p) { valid = false; break; }
        if (v < topics::kMinTopics || v > topics::kMaxTopics) valid = false;
        ks.push_back(static_cast<int>(v));
        p = end;
    }
    valid = valid && !ks.empty() && ks.size() <= 8;
    ImGui::SameLine();
    if (ButtonIf(valid && !c.running && t.training.job == 0 && !state.jobs.Busy(), "Train and compare",
                 !valid ? "Write up to 8 values of K from 2 to 500, separated by commas" : c.running ? "Already comparing" : kBusyReason)) {
        c.ks = ks;
        t.request.compare_k = true;
    }
    RecordItemRect(state, "topics.compare");
    if (c.running) {
        ImGui::SameLine();
        ImGui::Text("training %d of %d…", static_cast<int>(c.rows.size()) + 1, static_cast<int>(c.ks.size()));
    }
    auto table = [&](char sep) {
        std::string out = std::string("K") + sep + "log-likelihood per token" + sep + "UMass" + sep + "NPMI\n";
        for (const auto& row : c.rows)
            out += std::to_string(row.topics) + sep + core::DecimalText(row.log_likelihood_per_token, 4) + sep +
                   core::DecimalText(row.umass, 3) + sep + core::DecimalText(row.npmi, 4) + "\n";
        return out;
    };
    if (c.rows.empty()) return;
    if (ImGui::Button("Copy")) ImGui::SetClipboardText(table('\t').c_str());
    RecordItemRect(state, "topics.k.copy");
    ImGui::SameLine();
    if (ImGui::Button("Export CSV")) app::RequestDownload(state, "choose-k.csv", "text/csv", table(','));
    RecordItemRect(state, "topics.k.csv");
    if (ImGui::BeginTable("k table", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("K");
        ImGui::TableSetupColumn("log-likelihood / token");
        ImGui::TableSetupColumn("UMass (mean)");
        ImGui::TableSetupColumn("NPMI (mean)");
        ImGui::TableSetupColumn("");
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < c.rows.size(); ++i) {
            const auto& row = c.rows[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%d", row.topics);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(core::DecimalText(row.log_likelihood_per_token, 4).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(core::DecimalText(row.umass, 3).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(core::DecimalText(row.npmi, 4).c_str());
            ImGui::TableNextColumn();
            if (row.model_id != 0 && ButtonIf(t.training.job == 0, "Show")) t.request.open_model = row.model_id;
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    // The two figures against K, side by side where there is room (each has its own unit).
    std::vector<size_t> by_k(c.rows.size());
    for (size_t i = 0; i < by_k.size(); ++i) by_k[i] = i;
    std::stable_sort(by_k.begin(), by_k.end(), [&](size_t a, size_t b) { return c.rows[a].topics < c.rows[b].topics; });
    k_x.clear(), k_ll.clear(), k_npmi.clear();
    for (size_t i : by_k) {
        k_x.push_back(c.rows[i].topics);
        k_ll.push_back(c.rows[i].log_likelihood_per_token);
        k_npmi.push_back(c.rows[i].npmi);
    }
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool side_by_side = avail >= 36 * em;
    const ImVec2 size(side_by_side ? (avail - ImGui::GetStyle().ItemSpacing.x) / 2 : -1, 13 * em);
    auto chart = [&](const char* title, const char* y_label, const std::vector<double>& ys, const char* name, const char* file) {
        if (!BeginChart(title, size)) return;
        SetupAxes("topics (K)", y_label, AxisKind::Year, AxisKind::Linear);   // whole K
        SetupAxisDecimals(ChartAxis::Y, 3);
        PlotLine("##line", k_x.data(), ys.data(), static_cast<int>(ys.size()));
        PlotScatter(y_label, k_x.data(), ys.data(), static_cast<int>(ys.size()), {.max_radius = 0.3f * em});
        HandleChart(state, name, file, EndChart());
    };
    chart("Fit by K##k_ll", "log-likelihood per token (nats)", k_ll, "topics.k.ll", "choose-k-log-likelihood");
    if (side_by_side) ImGui::SameLine();
    chart("Coherence by K##k_npmi", "mean NPMI of the top words", k_npmi, "topics.k.npmi", "choose-k-coherence");
}

}  // namespace ui
