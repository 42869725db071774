package io.jixiao.common.error;

/**
 * The kinds of problem this API answers with: HTTP status, the stable {@code type} URI and the
 * Chinese title (zh-CN is the default language of the service).
 */
public enum ProblemType {
    VALIDATION(400, "validation", "请求数据无效"),
    MALFORMED_REQUEST(400, "malformed-request", "请求格式错误"),
    UNAUTHORIZED(401, "unauthorized", "未认证"),
    FORBIDDEN(403, "forbidden", "无权操作"),
    NOT_FOUND(404, "not-found", "未找到"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "不支持的请求方法"),
    NOT_ACCEPTABLE(406, "not-acceptable", "不可接受的媒体类型"),
    CONFLICT(409, "conflict", "冲突"),
    INVALID_STATE(409, "invalid-state", "当前状态不允许此操作"),
    PRECONDITION_FAILED(412, "precondition-failed", "版本已变更"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "请求体过大"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "不支持的媒体类型"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "幂等键已用于其他请求"),
    PRECONDITION_REQUIRED(428, "precondition-required", "缺少 If-Match"),
    INTERNAL(500, "internal", "服务器内部错误"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "服务暂不可用");

    public static final String TYPE_BASE = "https://jixiao.example.gov.cn/problems/";

    public final int status;
    public final String slug;
    public final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
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
