package io.jixiao.console.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the console needs beyond the sign-in and the services' addresses (those are quarkus.oidc and rest-client). */
@ConfigMapping(prefix = "jixiao.console")
public interface ConsoleConfig {

    /** The fiscal year a page shows when its address names none: the year the departments are reporting on. */
    @WithDefault("2023")
    int fiscalYear();

    /**
     * How long a signed-in user's tokens are kept on the server after their last use. Keycloak's own session may
     * end sooner (sign-out, its idle timeout): the next call to a service then fails and the user signs in again.
     */
    @WithDefault("8h")
    Duration sessionIdle();

    /** Ledger entries per page on a project's page. */
    @WithDefault("20")
    int ledgerPageSize();
}
