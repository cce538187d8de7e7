package org.cskpi.config;

/** A missing or invalid setting; the message names the key and what was expected. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
