package io.jixiao.common.http;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.time.LocalDate;

/**
 * A date ({@code format: date}) is {@code YYYY-MM-DD} exactly, as the contract says. Jackson's
 * default would also take a date-time and keep its date part in UTC ("2022-11-12T20:00:00Z" is
 * 13 November in China), silently changing what the client meant: refused instead (400 naming
 * the field). Not lenient, so that a day the month does not have ("2022-02-30") stays refused
 * under the pattern too.
 */
@Singleton
public class StrictDates implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configOverride(LocalDate.class)
                .setFormat(JsonFormat.Value.forPattern("uuuu-MM-dd").withLenient(Boolean.FALSE));
    }
}
