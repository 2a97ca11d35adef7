/**
 * Web: the Javalin app, its routes in one tree under {@code /api} and the front end from
 * {@code web/}, with its guards (host names, security headers, JSON errors, caching) and the
 * OpenAPI description it serves.
 */
package org.broadsheet.web;
