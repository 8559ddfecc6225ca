/**
 * The best plan in hindsight, as found by the planner: which provider serves how much of each
 * request and when, what stays unmet, and how close the plan is to the best any plan could be.
 */
@NullMarked
package dev.tender.plan;

import org.jspecify.annotations.NullMarked;
