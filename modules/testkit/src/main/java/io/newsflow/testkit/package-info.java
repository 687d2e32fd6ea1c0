/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/**
 * Integration-test kit for newsflow modules: {@link io.newsflow.testkit.NewsflowStack} (a real broker and
 * the local schema registry), {@link io.newsflow.testkit.NewsflowStackExtension} (one stack per test class)
 * and {@link io.newsflow.testkit.TopicReader} (read what a topology wrote).
 */
package io.newsflow.testkit;
