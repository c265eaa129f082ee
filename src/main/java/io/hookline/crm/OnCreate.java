package io.hookline.crm;

import jakarta.validation.groups.Default;

/**
 * Validation group for creating a record. Request records serve both create and PATCH; constraints that only a new
 * record must meet (a name) belong to this group, everything else stays in {@link Default}, which this extends.
 */
public interface OnCreate extends Default {
}
