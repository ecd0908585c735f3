package io.dendrite.runner.report;

/**
 * One drawn chart: the file it is saved as under {@code plots/}, and its PNG.
 *
 * @param fileName the name under {@code plots/}, such as {@code loss.png}
 * @param title what the chart shows, for the page's alternative text
 * @param png the encoded image
 */
record Plot(String fileName, String title, byte[] png, int width, int height) {}
