package io.jixiao.submission;

import io.jixiao.api.model.AmendmentInput;
import io.jixiao.api.model.SubmissionInput;
import io.jixiao.api.model.SubmissionItemScore;
import io.jixiao.api.model.SubmissionList;
import io.jixiao.api.model.SubmissionStatus;
import io.jixiao.api.model.SubmissionStatusList;
import io.jixiao.framework.Party;
import java.time.ZoneOffset;
import java.util.List;

/** Between the contract's submission models and the domain. */
final class SubmissionMapper {

    private SubmissionMapper() {}

    static io.jixiao.api.model.Submission toApi(SubmissionService.Sheet sheet) {
        return new io.jixiao.api.model.Submission()
                .party(io.jixiao.api.model.Party.fromValue(
                        sheet.submission().party.name()))
                .organisation(sheet.submission().organisationCode)
                .revision(sheet.revision().revision)
                .score(sheet.revision().score.toPlainString())
                .scores(sheet.scores().stream()
                        .map(s -> new SubmissionItemScore()
                                .item(s.itemCode)
                                .score(s.score.toPlainString())
                                .comment(s.comment))
                        .toList())
                .comment(sheet.revision().comment)
                .reason(sheet.revision().reason)
                .submittedAt(sheet.revision().submittedAt.atOffset(ZoneOffset.UTC))
                .submittedBy(sheet.revision().submittedBy)
                .version(sheet.submission().version);
    }

    static SubmissionList toApi(List<SubmissionService.Sheet> sheets) {
        return new SubmissionList()
                .items(sheets.stream().map(SubmissionMapper::toApi).toList());
    }

    static SubmissionStatusList statuses(List<SubmissionService.Status> statuses) {
        return new SubmissionStatusList()
                .items(statuses.stream()
                        .map(s -> new SubmissionStatus()
                                .party(io.jixiao.api.model.Party.fromValue(
                                        s.party().name()))
                                .organisation(s.organisation())
                                .submitted(s.submission().isPresent())
                                .submittedAt(s.current()
                                        .map(r -> r.submittedAt.atOffset(ZoneOffset.UTC))
                                        .orElse(null))
                                .revision(s.current().map(r -> r.revision).orElse(null)))
                        .toList());
    }

    static ScoreSheet toDomain(List<io.jixiao.api.model.ItemScore> scores, String comment) {
        return new ScoreSheet(
                scores.stream()
                        .map(s -> new ScoreSheet.Line(s.getItem(), s.getScore(), s.getComment()))
                        .toList(),
                comment);
    }

    static ScoreSheet toDomain(SubmissionInput in) {
        return toDomain(in.getScores(), in.getComment());
    }

    static ScoreSheet toDomain(AmendmentInput in) {
        return toDomain(in.getScores(), in.getComment());
    }

    static Party toDomain(io.jixiao.api.model.Party party) {
        return Party.valueOf(party.name());
    }
}
