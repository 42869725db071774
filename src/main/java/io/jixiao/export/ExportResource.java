package io.jixiao.export;

import io.jixiao.common.http.QueryValues;
import io.jixiao.common.security.CurrentCaller;
import io.jixiao.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Exports as streamed attachments. The format is the {@code format} parameter's or, without it,
 * the first of CSV and XLSX that {@code Accept} admits ({@code *}{@code /*} or none: CSV); a
 * {@code format} that {@code Accept} does not admit is 406.
 */
public class ExportResource implements io.jixiao.api.ExportsApi {

    @Inject
    ExportService exports;

    @Inject
    CurrentCaller caller;

    @Context
    HttpHeaders headers;

    @Override
    @RolesAllowed({Roles.AUDITOR, Roles.BUREAU, Roles.STREET_OFFICE})
    public Response exportDataset(
            String dataset,
            String format,
            UUID projectId,
            Integer fiscalYear,
            io.jixiao.api.model.EvaluationPhase phase,
            io.jixiao.api.model.EvaluationState state,
            io.jixiao.api.model.Grade grade,
            String district,
            String street) {
        ExportFormat chosen = negotiate(QueryValues.text(format), headers.getAcceptableMediaTypes());
        ExportFilter filter = new ExportFilter(
                projectId,
                fiscalYear,
                phase == null ? null : phase.toString(),
                state == null ? null : state.toString(),
                grade == null ? null : grade.toString(),
                QueryValues.text(district),
                QueryValues.text(street));
        Export export = exports.export(caller.get(), dataset, filter, chosen);
        StreamingOutput body = export::writeTo;
        MediaType type = MediaType.valueOf(chosen.mediaType);
        if (chosen == ExportFormat.CSV) {
            type = type.withCharset("UTF-8");
        }
        return Response.ok(body, type)
                .header("Content-Disposition", disposition(export.fileName()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    static ExportFormat negotiate(String format, List<MediaType> acceptable) {
        if (format != null) {
            ExportFormat asked = ExportFormat.ofExtension(format);
            MediaType type = MediaType.valueOf(asked.mediaType);
            if (acceptable.isEmpty() || acceptable.stream().anyMatch(a -> a.isCompatible(type))) {
                return asked;
            }
            throw new NotAcceptableException();
        }
        if (acceptable.isEmpty()) {
            return ExportFormat.CSV;
        }
        for (MediaType accepted : acceptable) {
            if (accepted.isWildcardType()) {
                return ExportFormat.CSV;
            }
            for (ExportFormat candidate : ExportFormat.values()) {
                if (accepted.isCompatible(MediaType.valueOf(candidate.mediaType))) {
                    return candidate;
                }
            }
        }
        throw new NotAcceptableException();
    }

    /** RFC 6266: an ASCII fallback and the exact name in UTF-8 (Chinese district and street names). */
    static String disposition(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
