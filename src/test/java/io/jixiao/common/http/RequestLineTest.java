package io.jixiao.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.common.error.FieldProblem;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestLineTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v1/projects",
                "/v1/projects/0b7c2f0e-6d0a-4c55-9d7e-3c1f9a1b2c3d",
                "/v1/projects?district=%E9%BB%84%E5%9F%94&limit=10",
                "/v1/projects?district=&cursor=abc~._-!$'()*+,;=:@/?",
                "/v1/projects?flag",
                "*",
                "http://localhost:8080/v1/projects?limit=1"
            })
    void aWellFormedTargetHasNoFault(String target) {
        assertEquals(Optional.empty(), RequestLine.fault(target));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/v1/projects/%zz | path | malformed percent-escape",
                "/v1/projects/%E | path | malformed percent-escape",
                "/v1/projects/%E4%B8 | path | not valid UTF-8",
                "/v1/projects/a{b} | path | '{'",
                "/v1/projects?district=%zz | district | malformed percent-escape",
                "/v1/projects?district=%E4%B8 | district | not valid UTF-8",
                "/v1/projects?limit=1&district=a\"b | district | '\"'",
                "/v1/projects?%zz=1 | query | a parameter name",
                "/v1/projects?dis%74rict=%C0%AF | district | not valid UTF-8"
            })
    void aMalformedTargetNamesThePartAtFault(String target, String field, String message) {
        FieldProblem fault = RequestLine.fault(target.strip()).orElseThrow();
        assertEquals(field.strip(), fault.field());
        assertTrue(fault.message().contains(message.strip()), fault.message());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v1/projects?district=a\u0001b",
                "/v1/projects\u007f",
                "/v1/projects?district=\u00e9\u00bb\u0084"
            })
    void aRawControlCharacterOrNonAsciiByteIsAFault(String target) {
        assertTrue(RequestLine.fault(target).orElseThrow().message().contains("must be percent-encoded"));
    }
}
