package org.cskpi.web.auth;

/**
 * What the login feature needs. {@code secureCookies} marks the session cookie Secure
 * (config {@code web.secure_cookies}: the app is reached over https).
 */
public record AuthDeps(UserService users, LoginThrottle throttle, boolean secureCookies) {
}
