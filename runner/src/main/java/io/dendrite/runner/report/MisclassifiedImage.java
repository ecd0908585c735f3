package io.dendrite.runner.report;

/**
 * A test example the network got wrong, as a picture.
 *
 * @param row its row in the test examples
 * @param truth the name of its true class
 * @param predicted the name of the class the network gave it
 * @param png the example drawn as a grayscale image
 * @param side the image's width and height in pixels
 */
record MisclassifiedImage(int row, String truth, String predicted, byte[] png, int side) {}
