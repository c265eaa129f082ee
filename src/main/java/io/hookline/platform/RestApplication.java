package io.hookline.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All resources live under /api; versions are part of each resource path (/api/v1/...). */
@ApplicationPath("api")
public class RestApplication extends Application {
}
