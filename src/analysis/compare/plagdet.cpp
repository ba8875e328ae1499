// PAN's plagdet, precision, recall and granularity (plagdet.h has the definitions). Cases and detections are
// few (tens to thousands), so every case is compared with every detection; characters are counted as lengths
// of merged intervals, never one by one.
#include "analysis/compare/plagdet.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace analysis::compare {
namespace {

OffsetRange Intersect(OffsetRange a, OffsetRange b) {
    uint32_t begin = std::max(a.begin, b.begin), end = std::min(a.end, b.end);
    return end > begin ? OffsetRange{begin, end} : OffsetRange{begin, begin};
}

bool Overlaps(OffsetRange a, OffsetRange b) { return a.begin < b.end && b.begin < a.end; }

// Characters covered by the union of `ranges` (sorted and merged in place).
uint64_t UnionLength(std::vector<OffsetRange>& ranges) {
    std::sort(ranges.begin(), ranges.end(),
              [](OffsetRange a, OffsetRange b) { return std::tie(a.begin, a.end) < std::tie(b.begin, b.end); });
    uint64_t total = 0;
    uint32_t begin = 0, end = 0;
    bool open = false;
    for (OffsetRange r : ranges) {
        if (r.length() == 0) continue;
        if (open && r.begin <= end) { end = std::max(end, r.end); continue; }
        if (open) total += end - begin;
        begin = r.begin, end = r.end, open = true;
    }
    if (open) total += end - begin;
    return total;
}

// |x ⊓ ∪others| / |x|: the share of x's characters (both passages) that detecting members of `others` cover.
// `x_is_case` says which side of Detects x stands on. An empty x has share 0 (nothing overlaps it).
double CoveredShare(const PassagePair& x, const std::vector<PassagePair>& others, bool x_is_case) {
    std::vector<OffsetRange> source, suspicious;
    for (const PassagePair& o : others) {
        if (!(x_is_case ? Detects(o, x) : Detects(x, o))) continue;
        source.push_back(Intersect(x.source, o.source));
        suspicious.push_back(Intersect(x.suspicious, o.suspicious));
    }
    uint64_t size = uint64_t(x.source.length()) + x.suspicious.length();
    if (size == 0) return 0;
    return double(UnionLength(source) + UnionLength(suspicious)) / double(size);
}

// Characters covered by `pairs`, each side's passages merged per document (as PAN's count_chars does).
uint64_t CountChars(const std::vector<PassagePair>& pairs) {
    std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> source, suspicious;   // (doc, begin, end)
    for (const PassagePair& p : pairs) {
        source.emplace_back(p.source_doc, p.source.begin, p.source.end);
        suspicious.emplace_back(p.suspicious_doc, p.suspicious.begin, p.suspicious.end);
    }
    uint64_t total = 0;
    for (auto* side : {&source, &suspicious}) {
        std::sort(side->begin(), side->end());
        for (size_t i = 0; i < side->size();) {
            size_t j = i;
            std::vector<OffsetRange> ranges;
            while (j < side->size() && std::get<0>((*side)[j]) == std::get<0>((*side)[i])) {
                ranges.push_back({std::get<1>((*side)[j]), std::get<2>((*side)[j])});
                ++j;
            }
            total += UnionLength(ranges);
            i = j;
        }
    }
    return total;
}

double F1(double precision, double recall) {
    return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
}

}  // namespace

bool Detects(const PassagePair& detection, const PassagePair& truth) {
    return detection.source_doc == truth.source_doc && detection.suspicious_doc == truth.suspicious_doc &&
           Overlaps(detection.source, truth.source) && Overlaps(detection.suspicious, truth.suspicious);
}

PlagdetScores ScorePlagdet(const std::vector<PassagePair>& cases, const std::vector<PassagePair>& detections) {
    PlagdetScores s;
    s.cases = uint32_t(cases.size());
    s.detections = uint32_t(detections.size());
    for (const PassagePair& r : detections) {
        bool detects_any = false;
        for (const PassagePair& c : cases) detects_any = detects_any || Detects(r, c);
        if (!detects_any) ++s.false_detections;
    }
    if (cases.empty() || detections.empty()) {
        double both_empty = cases.empty() && detections.empty() ? 1 : 0;
        s.precision = s.recall = s.micro_precision = s.micro_recall = both_empty;
        s.f1 = s.plagdet = s.micro_plagdet = both_empty;
        return s;
    }
    double recall_sum = 0, precision_sum = 0;
    uint64_t detections_of_detected = 0;
    std::vector<PassagePair> true_parts;   // each case ∩ each detection detecting it (micro averages)
    for (const PassagePair& c : cases) {
        recall_sum += CoveredShare(c, detections, true);
        uint32_t detecting = 0;
        for (const PassagePair& r : detections) {
            if (!Detects(r, c)) continue;
            ++detecting;
            true_parts.push_back({c.source_doc, Intersect(c.source, r.source), c.suspicious_doc,
                                  Intersect(c.suspicious, r.suspicious)});
        }
        if (detecting > 0) ++s.cases_detected, detections_of_detected += detecting;
    }
    for (const PassagePair& r : detections) precision_sum += CoveredShare(r, cases, false);
    s.recall = recall_sum / double(cases.size());
    s.precision = precision_sum / double(detections.size());
    s.granularity = s.cases_detected > 0 ? double(detections_of_detected) / s.cases_detected : 1.0;
    s.f1 = F1(s.precision, s.recall);
    s.plagdet = s.f1 / std::log2(1 + s.granularity);

    uint64_t plagiarized = CountChars(cases), detected = CountChars(detections), hit = CountChars(true_parts);
    s.micro_recall = plagiarized > 0 ? double(hit) / double(plagiarized) : 0;
    s.micro_precision = detected > 0 ? double(hit) / double(detected) : 0;
    s.micro_plagdet = F1(s.micro_precision, s.micro_recall) / std::log2(1 + s.granularity);
    return s;
}

}  // namespace analysis::compare
