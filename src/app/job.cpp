// JobQueue: time-budgeted pumping, cancellation and the history the status bar shows.
#include "app/job.h"

#include <algorithm>

namespace app {

const char* JobStateName(JobState state) {
    switch (state) {
    case JobState::Running: return "running";
    case JobState::Done: return "done";
    case JobState::Failed: return "failed";
    case JobState::Cancelled: return "cancelled";
    }
    return "unknown";
}

uint64_t JobQueue::Add(std::unique_ptr<Job> job) {
    uint64_t id = NextId++;
    Running.push_back({id, std::move(job), core::NowMs()});
    return id;
}

void JobQueue::Cancel(uint64_t id) {
    for (Entry& e : Running)
        if (e.id == id) e.cancel = true;
}

JobInfo JobQueue::Describe(const Entry& entry, JobState state) {
    const Job& job = *entry.job;
    JobInfo info;
    info.id = entry.id;
    info.name = job.Name;
    info.phase = job.Progress.phase;
    info.target_path = job.TargetPath;
    info.longest_step_ms = entry.longest_step_ms;
    info.busy_ms = entry.busy_ms;
    info.phase_ms = entry.phase_ms;
    info.done = job.Progress.done;
    info.total = job.Progress.total;
    info.state = state;
    info.elapsed_ms = core::NowMs() - entry.started_ms;
    if (state == JobState::Failed) info.message = job.Error.message();
    if (state == JobState::Done) info.message = job.Summary;
    return info;
}

void JobQueue::End(Entry& entry, JobState state) {
    Ended.push_front(Describe(entry, state));
    while (Ended.size() > kHistory) Ended.pop_back();
}

// Each running job gets at most one Step per Pump, oldest first; a job that uses the whole budget leaves the
// rest for later frames, and the jobs behind it move forward in turn (round robin across frames).
void JobQueue::Pump(double budget_ms, AppState& state) {
    core::Deadline deadline = core::Deadline::In(budget_ms);
    const double start_ms = core::NowMs();
    for (size_t turns = Running.size(); turns > 0 && !Running.empty() && !deadline.Expired(); --turns) {
        Entry entry = std::move(Running.front());
        Running.pop_front();
        JobState result;
        if (entry.cancel) {
            entry.job->Abandon();
            result = JobState::Cancelled;
        } else {
            const double step_start_ms = core::NowMs();
            const std::string phase = entry.job->Progress.phase;
            result = entry.job->Step(deadline);
            const double step_ms = core::NowMs() - step_start_ms;
            entry.longest_step_ms = std::max(entry.longest_step_ms, step_ms);
            entry.busy_ms += step_ms;
            auto it = std::find_if(entry.phase_ms.begin(), entry.phase_ms.end(), [&](const auto& p) { return p.first == phase; });
            if (it == entry.phase_ms.end()) entry.phase_ms.emplace_back(phase, step_ms);
            else it->second += step_ms;
            if (result == JobState::Done) entry.job->Finish(state);
            if (result == JobState::Failed || result == JobState::Cancelled) entry.job->Abandon();
        }
        if (result == JobState::Running) Running.push_back(std::move(entry));
        else End(entry, result);
    }
    LastPump = core::NowMs() - start_ms;
}

bool JobQueue::Waiting() const {
    return std::all_of(Running.begin(), Running.end(), [](const Entry& e) { return e.job->Waiting && !e.cancel; });
}

std::vector<JobInfo> JobQueue::Snapshot() const {
    std::vector<JobInfo> out;
    for (const Entry& e : Running) out.push_back(Describe(e, JobState::Running));
    out.insert(out.end(), Ended.begin(), Ended.end());
    return out;
}

}  // namespace app
