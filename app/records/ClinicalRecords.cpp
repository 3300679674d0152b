// Clinical follow-up: concerns and their actions, outcome-measure scores and
// relapse-prevention plans. All of it is append-only: a change is a new row.
#include "records/StoreImpl.h"
#include "text/Translate.h"

namespace roundtable::records {

ConcernId RecordStore::raiseConcern(const NewConcern& concern) {
    auto user = impl_->signedInUser();
    if (concern.description.empty())
        throw StoreError(text::tr("Please describe the concern."));
    auto& db = impl_->db;
    db::Transaction transaction(db);
    auto id = impl_->nextId("concerns");
    db.prepare(
          "INSERT INTO concerns (id, member_id, session_id, description, raised_by, raised_at) "
          "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, concern.memberId)
        .bind(3, concern.sessionId)
        .bindBlob(4, impl_->seal("concerns", "description", id, concern.description))
        .bind(5, user)
        .bind(6, impl_->nowUtc())
        .run();
    impl_->audit("raise-concern", "member", concern.memberId);
    transaction.commit();
    return id;
}

ActionId RecordStore::addConcernAction(ConcernId concern, const std::string& action,
                                       const std::string& owner, std::optional<Date> dueOn) {
    auto user = impl_->signedInUser();
    if (action.empty() || owner.empty())
        throw StoreError(text::tr("Please say what will be done and who will do it."));
    auto& db = impl_->db;
    db::Transaction transaction(db);
    auto id = impl_->nextId("concern_actions");
    auto insert = db.prepare(
        "INSERT INTO concern_actions (id, concern_id, action, owner, due_on, recorded_by, "
        "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, id)
        .bind(2, concern)
        .bindBlob(3, impl_->seal("concern_actions", "action", id, action))
        .bindBlob(4, impl_->seal("concern_actions", "owner", id, owner))
        .bind(5, dueOn)
        .bind(6, user)
        .bind(7, impl_->nowUtc())
        .run();
    impl_->audit("add-concern-action", "concern", concern);
    transaction.commit();
    return id;
}

void RecordStore::updateConcernAction(ActionId action, ActionStatus status,
                                      const std::string& note) {
    auto user = impl_->signedInUser();
    auto& db = impl_->db;
    db::Transaction transaction(db);
    auto concern = db.prepare("SELECT concern_id FROM concern_actions WHERE id = ?");
    concern.bind(1, action);
    if (!concern.step())
        throw StoreError(text::tr("There is no such action."));
    auto id = impl_->nextId("concern_action_updates");
    db.prepare(
          "INSERT INTO concern_action_updates (id, action_id, status, note, recorded_by, "
          "recorded_at) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, action)
        .bind(3, std::string(toText(status)))
        .bindBlob(4, impl_->seal("concern_action_updates", "note", id, note))
        .bind(5, user)
        .bind(6, impl_->nowUtc())
        .run();
    impl_->audit("update-concern-action", "concern", concern.integer(0));
    transaction.commit();
}

namespace {
constexpr const char* kConcernColumns =
    "SELECT c.id, c.member_id, c.session_id, c.description, COALESCE(u.login, ''), "
    "c.raised_at "
    "FROM concerns c LEFT JOIN users u ON u.id = c.raised_by ";
}  // namespace

std::vector<Concern> RecordStore::Impl::readConcerns(db::Statement& query) {
    std::vector<Concern> result;
    while (query.step()) {
        Concern concern;
        concern.id = query.integer(0);
        concern.memberId = query.integer(1);
        if (!query.isNull(2))
            concern.sessionId = query.integer(2);
        auto& damage = concern.damage;
        noteDamage(damage, "concerns", concern.id);
        concern.description = open(damage, "concerns", "description", concern.id, query.blob(3));
        concern.raisedBy = query.text(4);
        concern.raisedAt = query.text(5);
        // Each action with its newest update, if any.
        auto actions = db.cached(
            "SELECT a.id, a.action, a.owner, a.due_on, a.recorded_at, u.id, "
            "u.status, u.note, u.recorded_at FROM concern_actions a LEFT JOIN "
            "concern_action_updates u ON u.id = (SELECT MAX(id) FROM concern_action_updates "
            "WHERE action_id = a.id) WHERE a.concern_id = ? ORDER BY a.id");
        actions->bind(1, concern.id);
        while (actions->step()) {
            ConcernAction action;
            action.id = actions->integer(0);
            noteDamage(damage, "concern_actions", action.id);
            action.action = open(damage, "concern_actions", "action", action.id, actions->blob(1));
            action.owner = open(damage, "concern_actions", "owner", action.id, actions->blob(2));
            action.dueOn = readDate(damage, *actions, 3);
            action.updatedAt = actions->text(4);
            if (!actions->isNull(5)) {
                auto update = actions->integer(5);
                noteDamage(damage, "concern_action_updates", update);
                action.status = actionStatusFrom(actions->text(6));
                action.statusNote =
                    open(damage, "concern_action_updates", "note", update, actions->blob(7));
                action.updatedAt = actions->text(8);
            }
            concern.actions.push_back(std::move(action));
        }
        auto outcome = db.cached(
            "SELECT o.id, o.closed, o.outcome, COALESCE(u.login, ''), o.recorded_at FROM "
            "concern_outcomes o LEFT JOIN users u ON u.id = o.recorded_by WHERE o.concern_id = ? "
            "ORDER BY o.id DESC LIMIT 1");
        outcome->bind(1, concern.id);
        if (outcome->step()) {
            noteDamage(damage, "concern_outcomes", outcome->integer(0));
            auto text =
                open(damage, "concern_outcomes", "outcome", outcome->integer(0), outcome->blob(2));
            if (outcome->integer(1) == 1) {
                concern.closedWith = std::move(text);
                concern.closedBy = outcome->text(3);
                concern.closedAt = outcome->text(4);
            }
        }
        result.push_back(std::move(concern));
    }
    return result;
}

void RecordStore::Impl::recordConcernOutcome(ConcernId concern, bool close,
                                             const std::string& text) {
    auto user = signedInUser();
    db::Transaction transaction(db);
    auto query = db.prepare(std::string(kConcernColumns) + "WHERE c.id = ?");
    query.bind(1, concern);
    auto found = readConcerns(query);
    if (found.empty())
        throw StoreError(text::tr("There is no such concern."));
    if (found.front().isOpen() != close)
        throw StoreError(close ? text::tr("This concern is already closed.")
                               : text::tr("This concern is open."));
    auto id = nextId("concern_outcomes");
    db.prepare(
          "INSERT INTO concern_outcomes (id, concern_id, closed, outcome, recorded_by, "
          "recorded_at) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, concern)
        .bind(3, close ? 1 : 0)
        .bindBlob(4, seal("concern_outcomes", "outcome", id, text))
        .bind(5, user)
        .bind(6, nowUtc())
        .run();
    audit(close ? "close-concern" : "reopen-concern", "concern", concern);
    transaction.commit();
}

void RecordStore::closeConcern(ConcernId concern, const std::string& outcome) {
    if (trimmed(outcome).empty())
        throw StoreError(text::tr("Please write the concern's outcome to close it."));
    impl_->recordConcernOutcome(concern, true, outcome);
}

void RecordStore::reopenConcern(ConcernId concern, const std::string& reason) {
    if (trimmed(reason).empty())
        throw StoreError(text::tr("Please say why the concern is opened again."));
    impl_->recordConcernOutcome(concern, false, reason);
}

std::vector<Concern> RecordStore::concernsOf(MemberId member) {
    impl_->key();
    auto query =
        impl_->db.prepare(std::string(kConcernColumns) + "WHERE c.member_id = ? ORDER BY c.id");
    query.bind(1, member);
    return impl_->readConcerns(query);
}

std::vector<Concern> RecordStore::openConcerns() {
    impl_->key();
    auto query = impl_->db.prepare(std::string(kConcernColumns) + "ORDER BY c.id");
    auto all = impl_->readConcerns(query);
    std::erase_if(all, [](const Concern& concern) { return !concern.isOpen(); });
    return all;
}

std::int64_t RecordStore::recordOutcomeScore(const OutcomeScore& score) {
    return recordOutcomeScores({score}).front();
}

std::vector<std::int64_t> RecordStore::recordOutcomeScores(
    const std::vector<OutcomeScore>& scores) {
    auto user = impl_->signedInUser();
    auto& db = impl_->db;
    db::Transaction transaction(db);
    std::vector<std::int64_t> ids;
    for (const auto& score : scores) {
        if (score.replaces) {
            auto replaced = db.prepare("SELECT member_id FROM outcome_scores WHERE id = ?");
            replaced.bind(1, *score.replaces);
            if (!replaced.step() || replaced.integer(0) != score.memberId)
                throw StoreError(
                    text::tr("The score being corrected is not one of this member's scores."));
        }
        auto id = impl_->nextId("outcome_scores");
        db.prepare(
              "INSERT INTO outcome_scores (member_id, measure_id, time_point, taken_on, score, "
              "replaces_id, recorded_by, recorded_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bind(1, score.memberId)
            .bind(2, score.measureId)
            .bind(3, score.timePoint)
            .bind(4, score.takenOn)
            .bind(5, score.score)
            .bind(6, score.replaces)
            .bind(7, user)
            .bind(8, impl_->nowUtc())
            .bind(9, id)
            .run();
        ids.push_back(id);
        if (score.forSession) {
            db.prepare("INSERT INTO session_rating_scores (score_id, session_id) VALUES (?, ?)")
                .bind(1, ids.back())
                .bind(2, *score.forSession)
                .run();
        }
        impl_->audit(score.replaces ? "correct-outcome-score" : "record-outcome-score", "member",
                     score.memberId);
    }
    transaction.commit();
    return ids;
}

std::vector<OutcomeScore> RecordStore::outcomeScoresOf(MemberId member) {
    impl_->key();
    std::vector<OutcomeScore> result;
    // The corrections of his scores are his own rows (recordOutcomeScores refuses any other):
    // found once through the member's index, not by a scan of every score for each of his, which
    // a session rating at every session would make slow (bench/: the outcomes at a glance).
    auto query = impl_->db.prepare(
        "SELECT id, measure_id, time_point, taken_on, score, replaces_id, recorded_at, "
        "r.session_id FROM outcome_scores LEFT JOIN session_rating_scores r ON r.score_id = id "
        "WHERE member_id = ?1 AND id NOT IN "
        "(SELECT replaces_id FROM outcome_scores WHERE member_id = ?1 AND replaces_id IS NOT NULL) "
        "ORDER BY measure_id, taken_on, id");
    query.bind(1, member);
    while (query.step()) {
        OutcomeScore score;
        score.id = query.integer(0);
        score.memberId = member;
        impl_->noteDamage(score.damage, "outcome_scores", score.id);
        score.measureId = query.text(1);
        score.timePoint = query.text(2);
        score.takenOn = impl_->readDate(score.damage, query, 3).value_or(Date{});
        score.score = static_cast<int>(query.integer(4));
        if (!query.isNull(5))
            score.replaces = query.integer(5);
        score.recordedAt = query.text(6);
        if (!query.isNull(7)) {
            impl_->noteDamage(score.damage, "session_rating_scores", score.id);
            score.forSession = query.integer(7);
        }
        result.push_back(std::move(score));
    }
    return result;
}

std::int64_t RecordStore::recordMilestone(MemberId member, const std::string& milestoneId,
                                          Date reachedOn, const std::string& note,
                                          std::optional<std::int64_t> withdraws) {
    auto user = impl_->signedInUser();
    auto& db = impl_->db;
    db::Transaction transaction(db);
    if (withdraws) {
        auto withdrawn = db.prepare(
            "SELECT member_id, withdraws_id IS NULL AND NOT EXISTS (SELECT 1 FROM milestones w "
            "WHERE w.withdraws_id = m.id) FROM milestones m WHERE id = ?");
        withdrawn.bind(1, *withdraws);
        if (!withdrawn.step() || withdrawn.integer(0) != member || withdrawn.integer(1) == 0)
            throw StoreError(text::tr("Only a milestone of this member that stands is withdrawn."));
    }
    auto id = impl_->nextId("milestones");
    db.prepare(
          "INSERT INTO milestones (id, member_id, milestone_id, reached_on, note, withdraws_id, "
          "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, member)
        .bind(3, milestoneId)
        .bind(4, reachedOn)
        .bindBlob(5, impl_->seal("milestones", "note", id, note))
        .bind(6, withdraws)
        .bind(7, user)
        .bind(8, impl_->nowUtc())
        .run();
    impl_->audit(withdraws ? "withdraw-milestone" : "record-milestone", "member", member);
    transaction.commit();
    return id;
}

std::vector<Milestone> RecordStore::milestonesOf(MemberId member) {
    impl_->key();
    std::vector<Milestone> result;
    auto query = impl_->db.prepare(
        "SELECT m.id, m.milestone_id, m.reached_on, m.note, m.withdraws_id, "
        "COALESCE(u.login, ''), m.recorded_at FROM milestones m "
        "LEFT JOIN users u ON u.id = m.recorded_by WHERE m.member_id = ? ORDER BY m.id");
    query.bind(1, member);
    while (query.step()) {
        auto id = query.integer(0);
        std::string damage;
        impl_->noteDamage(damage, "milestones", id);
        auto note = impl_->open(damage, "milestones", "note", id, query.blob(3));
        if (!query.isNull(4)) {
            // A withdrawal: marks the record it names (written before it, so already read).
            auto withdrawn = std::find_if(result.begin(), result.end(), [&](const Milestone& m) {
                return m.id == query.integer(4);
            });
            if (withdrawn != result.end()) {
                withdrawn->withdrawnBecause = note;
                withdrawn->withdrawnBy = query.text(5);
                withdrawn->withdrawnAt = query.text(6);
                withdrawn->damage += damage;
            }
            continue;
        }
        Milestone milestone;
        milestone.id = id;
        milestone.memberId = member;
        milestone.milestoneId = query.text(1);
        milestone.reachedOn = impl_->readDate(damage, query, 2).value_or(Date{});
        milestone.note = std::move(note);
        milestone.recordedBy = query.text(5);
        milestone.recordedAt = query.text(6);
        milestone.damage = std::move(damage);
        result.push_back(std::move(milestone));
    }
    return result;
}

int RecordStore::saveRelapsePlan(MemberId member, const std::vector<PlanSection>& sections) {
    auto user = impl_->signedInUser();
    if (sections.empty())
        throw StoreError(text::tr("A relapse-prevention plan needs at least one section."));
    auto& db = impl_->db;
    db::Transaction transaction(db);
    auto last =
        db.prepare("SELECT COALESCE(MAX(version), 0) FROM relapse_plans WHERE member_id = ?");
    last.bind(1, member);
    last.step();
    int version = static_cast<int>(last.integer(0)) + 1;
    auto plan = impl_->nextId("relapse_plans");
    db.prepare(
          "INSERT INTO relapse_plans (member_id, version, created_by, created_at, id) "
          "VALUES (?, ?, ?, ?, ?)")
        .bind(1, member)
        .bind(2, version)
        .bind(3, user)
        .bind(4, impl_->nowUtc())
        .bind(5, plan)
        .run();
    auto insert = db.prepare(
        "INSERT INTO relapse_plan_sections (plan_id, position, heading, body) VALUES (?, ?, ?, ?)");
    int position = 0;
    for (const auto& section : sections) {
        ++position;
        // Bound to the plan and the position, so a section cannot be moved to another plan.
        auto place = std::to_string(plan) + "." + std::to_string(position);
        insert.bind(1, plan)
            .bind(2, position)
            .bind(3, section.heading)
            .bindBlob(4, impl_->seal("relapse_plan_sections", "body", place, section.body))
            .run();
        insert.reset();
    }
    impl_->audit("save-relapse-plan", "member", member);
    transaction.commit();
    return version;
}

std::optional<RelapsePlan> RecordStore::relapsePlan(MemberId member, std::optional<int> version) {
    impl_->key();
    auto& db = impl_->db;
    auto find = db.prepare(
        "SELECT p.id, p.version, COALESCE(u.login, ''), p.created_at FROM relapse_plans p "
        "LEFT JOIN users u ON u.id = p.created_by WHERE p.member_id = ?1 "
        "AND (CAST(?2 AS BIGINT) IS NULL OR p.version = ?2) ORDER BY p.version DESC LIMIT 1");
    find.bind(1, member).bind(2, version ? std::optional<std::int64_t>(*version) : std::nullopt);
    if (!find.step())
        return std::nullopt;
    auto plan = find.integer(0);
    RelapsePlan result;
    result.memberId = member;
    result.version = static_cast<int>(find.integer(1));
    result.createdBy = find.text(2);
    result.createdAt = find.text(3);
    impl_->noteDamage(result.damage, "relapse_plans", plan);
    auto sections = db.prepare(
        "SELECT position, heading, body FROM relapse_plan_sections WHERE plan_id = ? "
        "ORDER BY position");
    sections.bind(1, plan);
    while (sections.step()) {
        impl_->noteDamage(result.damage, "relapse_plan_sections", {plan, sections.integer(0)});
        auto place = std::to_string(plan) + "." + std::to_string(sections.integer(0));
        result.sections.push_back(
            {sections.text(1),
             impl_->open(result.damage, "relapse_plan_sections", "body", place, sections.blob(2))});
    }
    return result;
}

}  // namespace roundtable::records
