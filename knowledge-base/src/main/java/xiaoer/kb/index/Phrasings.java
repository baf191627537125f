package xiaoer.kb.index;

/** Column store of the analyzed phrasings: per phrasing its script and its sorted term ids per field. */
final class Phrasings {

    final int[] script;
    final int[][] words;
    final int[][] bigrams;
    final float[] wordWeight;
    final float[] bigramWeight;

    Phrasings(int n) {
        script = new int[n];
        words = new int[n][];
        bigrams = new int[n][];
        wordWeight = new float[n];
        bigramWeight = new float[n];
    }
}
