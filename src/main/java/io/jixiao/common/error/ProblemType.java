package io.jixiao.common.error;

/**
 * The kinds of problem this API answers with: HTTP status, the stable {@code type} URI and the
 * title in Chinese (the default) and English.
 */
public enum ProblemType {
    VALIDATION(400, "validation", "请求数据无效", "Invalid request data"),
    MALFORMED_REQUEST(400, "malformed-request", "请求格式错误", "Malformed request"),
    UNAUTHORIZED(401, "unauthorized", "未认证", "Not authenticated"),
    FORBIDDEN(403, "forbidden", "无权操作", "Not allowed"),
    NOT_FOUND(404, "not-found", "未找到", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "不支持的请求方法", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "不可接受的媒体类型", "Not acceptable"),
    CONFLICT(409, "conflict", "冲突", "Conflict"),
    INVALID_STATE(409, "invalid-state", "当前状态不允许此操作", "Not allowed in the current state"),
    PRECONDITION_FAILED(412, "precondition-failed", "版本已变更", "Version has changed"),
    URI_TOO_LONG(414, "uri-too-long", "请求地址过长", "Request line too long"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "请求体过大", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "不支持的媒体类型", "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "幂等键已用于其他请求", "Idempotency key used for another request"),
    PRECONDITION_REQUIRED(428, "precondition-required", "缺少 If-Match", "If-Match required"),
    HEADER_FIELDS_TOO_LARGE(431, "header-fields-too-large", "请求头过大", "Request header fields too large"),
    INTERNAL(500, "internal", "服务器内部错误", "Internal server error"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "服务暂不可用", "Service unavailable"),
    /** The connection failed while the transaction was committing: it may or may not have been stored. */
    OUTCOME_UNKNOWN(503, "outcome-unknown", "处理结果未知", "Outcome unknown");

    public static final String TYPE_BASE = "https://jixiao.example.gov.cn/problems/";

    public final int status;
    public final String slug;
    public final String title;
    public final String titleEn;

    ProblemType(int status, String slug, String title, String titleEn) {
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.titleEn = titleEn;
    }

    /** The title in the response language (see {@link io.jixiao.common.i18n.Language}). */
    public String title(String language) {
        return io.jixiao.common.i18n.Language.english(language) ? titleEn : title;
    }

    public String uri() {
        return TYPE_BASE + slug;
    }

    /** The problem type a plain HTTP status stands for, when nothing more specific is known. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
