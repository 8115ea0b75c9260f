package io.jixiao.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class SigningKeyHistoryTest {

    @Test
    void aKeyIsWithdrawnOnlyOnceItWasPublishedAndIsNoLonger() {
        SigningKeyHistory history = new SigningKeyHistory();
        assertFalse(history.withdrawn("old"), "before the first read nothing is withdrawn");

        history.published(List.of("old"));
        assertFalse(history.withdrawn("old"));
        assertFalse(history.withdrawn("new"), "a key never seen may be one the realm has just added");

        history.published(List.of("old", "new"));
        assertFalse(history.withdrawn("old"), "the previous key stays valid while it is published");

        history.published(List.of("new"));
        assertTrue(history.withdrawn("old"));
        assertFalse(history.withdrawn("new"));
        assertFalse(history.withdrawn(null), "a token without a key id is the verifier's to judge");

        history.published(List.of("new", "old"));
        assertFalse(history.withdrawn("old"), "a key published again is valid again");
    }

    @Test
    void theKeyIdIsReadFromTheTokensHeader() {
        ObjectMapper json = new ObjectMapper();
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k-1\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("k-1", PublishedSigningKeys.keyId(header + ".e30.c2ln", json));
        String noKid = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        assertNull(PublishedSigningKeys.keyId(noKid + ".e30.c2ln", json));
        assertNull(PublishedSigningKeys.keyId("not a token", json));
        assertNull(PublishedSigningKeys.keyId("%%%.e30.c2ln", json));
    }
}
