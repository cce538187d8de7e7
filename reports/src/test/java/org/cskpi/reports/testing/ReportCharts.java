package org.cskpi.reports.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The report's charts in the browser, as cskpi-report.js marks them once drawn. */
public final class ReportCharts {

    private ReportCharts() {
    }

    /** For {@link Chromium#await}: every chart container on the page is marked drawn. */
    public static boolean allDrawn(WebDriver page) {
        return page.findElements(By.cssSelector(".chart")).size()
                == page.findElements(By.cssSelector(".chart[data-chart-state=drawn]")).size();
    }
}
