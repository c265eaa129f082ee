package io.hookline.delivery.entity;

import io.hookline.format.entity.WireFormat;
import io.hookline.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** One HTTP try of a delivery, as it happened; written once, never changed. */
@Entity
@Table(name = "delivery_attempt", indexes = @Index(name = "delivery_attempt_delivery", columnList = "delivery_id, number"))
@NamedQuery(name = Attempt.OF_DELIVERY, query = "select a from Attempt a where a.deliveryId = :delivery order by a.number")
public class Attempt {

    public static final String OF_DELIVERY = "Attempt.ofDelivery";
    /** The columns of {@link #columnValues()}, for writing attempts in a JDBC batch. */
    public static final String COLUMNS = "id, delivery_id, number, url, wire_format, attempted_at, duration_ms,"
            + " status_code, succeeded, error, response_excerpt, request_headers, next_attempt_at";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "delivery_id", nullable = false, length = 36)
    private String deliveryId;

    @Column(nullable = false)
    private int number;

    /** Where it was sent: the endpoint's URL at the time. Null for attempts recorded before URLs were kept. */
    @Column(length = 2048)
    private String url;

    /** The wire format it was rendered in, the endpoint's at the time; null as for {@link #url}. */
    @Enumerated(EnumType.STRING)
    @Column(name = "wire_format", length = 32)
    private WireFormat format;

    @Column(name = "attempted_at", nullable = false)
    private OffsetDateTime attemptedAt;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    /** Null when no response arrived (timeout, refused connection, unsafe target). */
    @Column(name = "status_code")
    private Integer statusCode;

    @Column(nullable = false)
    private boolean succeeded;

    @Column(length = 1000)
    private String error;

    @Lob
    @Column(name = "response_excerpt")
    private String responseExcerpt;

    /** Request headers as sent, as a JSON object; the signature is derived, the secret itself never stored here. */
    @Lob
    @Column(name = "request_headers")
    private String requestHeaders;

    /** When the delivery tries again after this attempt; null when this attempt ended it. */
    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;

    protected Attempt() {
    }

    public Attempt(String deliveryId, int number, String url, WireFormat format, OffsetDateTime attemptedAt,
                   long durationMs, Integer statusCode, boolean succeeded, String error, String responseExcerpt,
                   String requestHeaders) {
        this.id = Ids.newId();
        this.deliveryId = deliveryId;
        this.number = number;
        this.url = url;
        this.format = format;
        this.attemptedAt = attemptedAt;
        this.durationMs = durationMs;
        this.statusCode = statusCode;
        this.succeeded = succeeded;
        this.error = error;
        this.responseExcerpt = responseExcerpt;
        this.requestHeaders = requestHeaders;
    }

    /** The values of {@link #COLUMNS}. */
    public List<Object> columnValues() {
        return Arrays.asList(id, deliveryId, number, url, format == null ? null : format.name(), attemptedAt,
                durationMs, statusCode, succeeded, error, responseExcerpt, requestHeaders, nextAttemptAt);
    }

    public void retryAt(OffsetDateTime next) {
        this.nextAttemptAt = next;
    }

    public String id() {
        return id;
    }

    public int number() {
        return number;
    }

    public String url() {
        return url;
    }

    public WireFormat format() {
        return format;
    }

    public OffsetDateTime attemptedAt() {
        return attemptedAt;
    }

    public long durationMs() {
        return durationMs;
    }

    public Integer statusCode() {
        return statusCode;
    }

    public boolean succeeded() {
        return succeeded;
    }

    public String error() {
        return error;
    }

    public String responseExcerpt() {
        return responseExcerpt;
    }

    public String requestHeaders() {
        return requestHeaders;
    }

    public OffsetDateTime nextAttemptAt() {
        return nextAttemptAt;
    }
}
