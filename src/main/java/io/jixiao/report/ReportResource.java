package io.jixiao.report;

import io.jixiao.api.ReportsApi;
import io.jixiao.common.error.ProblemType;
import io.jixiao.common.http.Problems;
import io.jixiao.common.i18n.Language;
import io.jixiao.common.i18n.RequestLanguage;
import io.jixiao.common.security.CurrentCaller;
import io.jixiao.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The performance report in the form the client accepts: JSON (default), Markdown or a Chinese PDF. */
public class ReportResource implements ReportsApi {

    static final MediaType MARKDOWN = MediaType.valueOf("text/markdown");
    static final MediaType PDF = MediaType.valueOf("application/pdf");
    private static final List<MediaType> FORMS = List.of(MediaType.APPLICATION_JSON_TYPE, MARKDOWN, PDF);

    private static final Logger LOG = Logger.getLogger(ReportResource.class);

    @Inject
    ReportService reports;

    @Inject
    PdfRenderer pdf;

    @Inject
    CurrentCaller caller;

    @Inject
    RequestLanguage language;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    @RolesAllowed({Roles.BUREAU, Roles.STREET_OFFICE, Roles.ASSESSOR, Roles.AUDITOR, Roles.PROVIDER})
    public Response getPerformanceReport(UUID projectId, Integer fiscalYear) {
        MediaType form = negotiate(headers.getAcceptableMediaTypes());
        String lang = language.get();
        if (PDF.equals(form)) {
            return pdf(projectId, fiscalYear);
        }
        PerformanceReport report = reports.report(caller.get(), projectId, fiscalYear, lang);
        Object body = MARKDOWN.equals(form) ? MarkdownRenderer.render(report) : report;
        return Response.ok(body, form.withCharset("UTF-8"))
                .header(HttpHeaders.CONTENT_LANGUAGE, report.language())
                .header("X-Verification-Code", report.verification().code())
                .build();
    }

    /** The PDF is always Chinese (the document that is printed and stamped). */
    private Response pdf(UUID projectId, Integer fiscalYear) {
        PerformanceReport report = reports.report(caller.get(), projectId, fiscalYear, Language.CHINESE);
        byte[] document;
        try {
            document = pdf.render(report, Instant.now());
        } catch (PdfRenderer.FontMissing e) {
            LOG.error(e.getMessage());
            return problem(ProblemType.SERVICE_UNAVAILABLE, e.getMessage());
        }
        String file = "jixiao-report-" + projectId + "-" + fiscalYear + (report.draft() ? "-draft" : "") + ".pdf";
        return Response.ok(document, PDF)
                .header(HttpHeaders.CONTENT_LANGUAGE, Language.CHINESE)
                .header("X-Verification-Code", report.verification().code())
                .header("Content-Disposition", "inline; filename=\"" + file + "\"")
                .build();
    }

    /** The first of our forms the client accepts, in its order of preference; JSON for any. */
    static MediaType negotiate(List<MediaType> acceptable) {
        for (MediaType accepted : acceptable) {
            if (accepted.isWildcardType()) {
                return MediaType.APPLICATION_JSON_TYPE;
            }
            for (MediaType form : FORMS) {
                if (accepted.isCompatible(form)) {
                    return form;
                }
            }
        }
        return MediaType.APPLICATION_JSON_TYPE;
    }

    Response problem(ProblemType type, String detail) {
        return Response.status(type.status)
                .type(Problems.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.get())
                .entity(Problems.render(Problems.of(
                        type, language.get(), detail, uri.getRequestUri().getRawPath(), List.of())))
                .build();
    }
}
