package org.synthtrust.generators.pgm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.synthtrust.core.domain.Domain;

/**
 * Discrete graphical model on a junction tree: log-potentials on the maximal cliques and an estimated record
 * total. Belief propagation (log-space sum-product, two passes over the tree) turns the potentials into
 * calibrated clique marginals scaled to the total, as in McKenna, Sheldon and Miklau (2019), "Graphical-model
 * based estimation and inference for differential privacy". The projection maps between cliques and
 * separators are computed once, so a pass is a few loops over dense double arrays.
 */
public final class GraphicalModel {
    private final JunctionTree tree;
    private final double[][] logPotentials;
    private final double total;
    private final int[][] upMap;
    private final int[][] downMap;
    private double[][] marginals;

    /** Creates a model that takes ownership of the potentials; call {@link #marginals()} to calibrate. */
    public GraphicalModel(JunctionTree tree, double[][] logPotentials, double total) {
        this(tree, logPotentials, total, projectionMaps(tree, true), projectionMaps(tree, false));
    }

    private GraphicalModel(JunctionTree tree, double[][] logPotentials, double total, int[][] upMap, int[][] downMap) {
        this.tree = tree;
        this.logPotentials = logPotentials;
        this.total = total;
        this.upMap = upMap;
        this.downMap = downMap;
        Domain domain = tree.domain();
        for (int clique = 0; clique < tree.size(); clique++) {
            if (logPotentials[clique].length != Cliques.cells(domain, tree.clique(clique))) {
                throw new IllegalArgumentException("potential " + clique + " has " + logPotentials[clique].length
                        + " cells; its clique has " + Cliques.cells(domain, tree.clique(clique)));
            }
        }
    }

    /** Returns a model with uniform potentials on the tree. */
    public static GraphicalModel uniform(JunctionTree tree, double total) {
        double[][] potentials = new double[tree.size()][];
        for (int clique = 0; clique < tree.size(); clique++) {
            potentials[clique] = new double[Cliques.cells(tree.domain(), tree.clique(clique))];
        }
        return new GraphicalModel(tree, potentials, total);
    }

    /** Returns a model on the same tree with other potentials, reusing the projection maps. */
    GraphicalModel withPotentials(double[][] potentials) {
        return new GraphicalModel(tree, potentials, total, upMap, downMap);
    }

    GraphicalModel withTotal(double newTotal) {
        return new GraphicalModel(tree, logPotentials, newTotal, upMap, downMap);
    }

    private static int[][] projectionMaps(JunctionTree tree, boolean up) {
        int[][] maps = new int[tree.size()][];
        for (int clique = 0; clique < tree.size(); clique++) {
            int parent = tree.parent(clique);
            if (parent >= 0) {
                int[] from = up ? tree.clique(clique) : tree.clique(parent);
                maps[clique] = Cliques.projectionMap(tree.domain(), from, tree.separator(clique));
            }
        }
        return maps;
    }

    public JunctionTree tree() {
        return tree;
    }

    public Domain domain() {
        return tree.domain();
    }

    public double total() {
        return total;
    }

    /** Returns the log-potentials (shared, not copied; callers must not modify them). */
    public double[][] logPotentials() {
        return logPotentials;
    }

    /** Returns the calibrated clique marginals, each summing to {@link #total()}; computed once. */
    public double[][] marginals() {
        if (marginals == null) {
            marginals = calibrate();
        }
        return marginals;
    }

    private double[][] calibrate() {
        int count = tree.size();
        int[] order = tree.order();
        double[][] separatorSize = new double[count][];
        double[][] upMessage = new double[count][];
        double[][] downMessage = new double[count][];
        double[][] belief = new double[count][];

        // Upward pass: leaves to root. belief[c] is the potential plus the children's messages.
        for (int position = count - 1; position >= 0; position--) {
            int clique = order[position];
            belief[clique] = logPotentials[clique].clone();
            int parent = tree.parent(clique);
            if (parent >= 0) {
                separatorSize[clique] = new double[Cliques.cells(tree.domain(), tree.separator(clique))];
            }
        }
        for (int position = count - 1; position > 0; position--) {
            int clique = order[position];
            int parent = tree.parent(clique);
            upMessage[clique] = logSumExp(belief[clique], upMap[clique], separatorSize[clique].length, null);
            addExpanded(belief[parent], upMessage[clique], downMap[clique]);
        }

        // Downward pass: root to leaves. A parent's belief is complete once its own down message is added.
        for (int position = 1; position < count; position++) {
            int clique = order[position];
            int parent = tree.parent(clique);
            downMessage[clique] = logSumExp(belief[parent], downMap[clique], separatorSize[clique].length,
                    upMessage[clique]);
            addExpanded(belief[clique], downMessage[clique], upMap[clique]);
        }

        for (int clique = 0; clique < count; clique++) {
            belief[clique] = normalizeToTotal(belief[clique]);
        }
        return belief;
    }

    /**
     * Returns, per separator cell, the log of the sum of exp(values - subtracted) over the clique cells that
     * project onto it; {@code subtracted} (over the separator, may be null) removes a message already included.
     */
    private static double[] logSumExp(double[] values, int[] map, int separatorCells, double[] subtracted) {
        double[] max = new double[separatorCells];
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int cell = 0; cell < values.length; cell++) {
            double value = subtracted == null ? values[cell] : values[cell] - subtracted[map[cell]];
            if (value > max[map[cell]]) {
                max[map[cell]] = value;
            }
        }
        double[] sums = new double[separatorCells];
        for (int cell = 0; cell < values.length; cell++) {
            int target = map[cell];
            double value = subtracted == null ? values[cell] : values[cell] - subtracted[target];
            sums[target] += Math.exp(value - max[target]);
        }
        for (int target = 0; target < separatorCells; target++) {
            sums[target] = max[target] + Math.log(sums[target]);
        }
        return sums;
    }

    private static void addExpanded(double[] target, double[] message, int[] map) {
        for (int cell = 0; cell < target.length; cell++) {
            target[cell] += message[map[cell]];
        }
    }

    private double[] normalizeToTotal(double[] logBelief) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : logBelief) {
            max = Math.max(max, value);
        }
        double sum = 0;
        double[] result = new double[logBelief.length];
        for (int cell = 0; cell < logBelief.length; cell++) {
            result[cell] = Math.exp(logBelief[cell] - max);
            sum += result[cell];
        }
        double scale = total / sum;
        for (int cell = 0; cell < result.length; cell++) {
            result[cell] *= scale;
        }
        return result;
    }

    /**
     * Returns the model's marginal over any attribute set (sorted), scaled to the total. Inside one clique
     * this sums the calibrated marginal; otherwise it eliminates variables over the smallest subtree whose
     * cliques cover the attributes, using that the joint of a junction tree is the product of clique marginals
     * divided by the product of separator marginals.
     */
    public double[] project(int[] attributes) {
        Domain domain = tree.domain();
        double[][] calibrated = marginals();
        int covering = tree.cliqueContaining(attributes);
        if (covering >= 0) {
            return new Factor(tree.clique(covering), calibrated[covering]).sumOnto(domain, attributes).values;
        }

        int count = tree.size();
        int[] order = tree.order();
        boolean[] chosen = new boolean[count];
        for (int attribute : attributes) {
            chosen[tree.cliqueContaining(new int[] {attribute})] = true;
        }
        int[] chosenBelow = new int[count];
        int chosenTotal = 0;
        for (int position = count - 1; position >= 0; position--) {
            int clique = order[position];
            if (chosen[clique]) {
                chosenBelow[clique]++;
                chosenTotal++;
            }
            if (tree.parent(clique) >= 0) {
                chosenBelow[tree.parent(clique)] += chosenBelow[clique];
            }
        }
        // The subtree's top is the deepest clique whose subtree contains every chosen clique.
        int top = order[0];
        for (int position = 0; position < count; position++) {
            int clique = order[position];
            if (chosenBelow[clique] == chosenTotal) {
                top = clique;
            }
        }
        boolean[] inSubtree = new boolean[count];
        for (int clique = 0; clique < count; clique++) {
            inSubtree[clique] = chosenBelow[clique] > 0 && (chosenBelow[clique] < chosenTotal || clique == top);
        }
        List<List<Integer>> children = new ArrayList<>();
        for (int clique = 0; clique < count; clique++) {
            children.add(new ArrayList<>());
        }
        for (int clique = 0; clique < count; clique++) {
            if (inSubtree[clique] && clique != top) {
                children.get(tree.parent(clique)).add(clique);
            }
        }
        Factor collected = collect(top, top, children, attributes, calibrated);
        return collected.sumOnto(domain, attributes).values;
    }

    /**
     * Returns the model's 2-way marginals of attribute {@code first} with every other attribute, each in the
     * row-major layout of the sorted pair (element {@code first} is null). One pass over the tree from a clique
     * containing {@code first} carries the table P(first, clique) from clique to clique through the
     * conditionals P(clique | separator), which costs the size of {@code first} times the model's total cells,
     * far less than eliminating variables once per pair.
     */
    public double[][] pairMarginals(int first) {
        Domain domain = tree.domain();
        double[][] calibrated = marginals();
        int count = tree.size();
        int firstSize = domain.size(first);
        int start = tree.cliqueContaining(new int[] {first});
        List<List<Integer>> neighbours = new ArrayList<>();
        for (int clique = 0; clique < count; clique++) {
            neighbours.add(new ArrayList<>());
        }
        for (int clique = 0; clique < count; clique++) {
            if (tree.parent(clique) >= 0) {
                neighbours.get(clique).add(tree.parent(clique));
                neighbours.get(tree.parent(clique)).add(clique);
            }
        }

        double[][] result = new double[domain.attributeCount()][];
        double[][] joint = new double[count][];
        int[] startClique = tree.clique(start);
        int[] toFirst = Cliques.projectionMap(domain, startClique, new int[] {first});
        int startCells = calibrated[start].length;
        joint[start] = new double[firstSize * startCells];
        for (int cell = 0; cell < startCells; cell++) {
            joint[start][toFirst[cell] * startCells + cell] = calibrated[start][cell];
        }
        int[] queue = new int[count];
        boolean[] visited = new boolean[count];
        int size = 0;
        queue[size++] = start;
        visited[start] = true;
        for (int head = 0; head < size; head++) {
            int clique = queue[head];
            readPairs(first, clique, joint[clique], result);
            for (int next : neighbours.get(clique)) {
                if (visited[next]) {
                    continue;
                }
                visited[next] = true;
                queue[size++] = next;
                joint[next] = carry(clique, next, joint[clique], firstSize, calibrated);
            }
            if (head > 0) {
                joint[clique] = null;
            }
        }
        return result;
    }

    /** Moves P(first, from) to P(first, to) for neighbouring cliques: marginalise to the separator, multiply by P(to | separator). */
    private double[] carry(int from, int to, double[] fromJoint, int firstSize, double[][] calibrated) {
        boolean toIsChild = tree.parent(to) == from;
        int edge = toIsChild ? to : from;
        int[] fromMap = toIsChild ? downMap[edge] : upMap[edge];
        int[] toMap = toIsChild ? upMap[edge] : downMap[edge];
        int separatorCells = Cliques.cells(tree.domain(), tree.separator(edge));
        int fromCells = calibrated[from].length;
        int toCells = calibrated[to].length;
        double[] separatorJoint = new double[firstSize * separatorCells];
        for (int value = 0; value < firstSize; value++) {
            int fromOffset = value * fromCells;
            int separatorOffset = value * separatorCells;
            for (int cell = 0; cell < fromCells; cell++) {
                separatorJoint[separatorOffset + fromMap[cell]] += fromJoint[fromOffset + cell];
            }
        }
        double[] separatorMarginal = new double[separatorCells];
        double[] toMarginal = calibrated[to];
        for (int cell = 0; cell < toCells; cell++) {
            separatorMarginal[toMap[cell]] += toMarginal[cell];
        }
        double[] conditional = new double[toCells];
        for (int cell = 0; cell < toCells; cell++) {
            double denominator = separatorMarginal[toMap[cell]];
            conditional[cell] = denominator > 0 ? toMarginal[cell] / denominator : 0.0;
        }
        double[] toJoint = new double[firstSize * toCells];
        for (int value = 0; value < firstSize; value++) {
            int toOffset = value * toCells;
            int separatorOffset = value * separatorCells;
            for (int cell = 0; cell < toCells; cell++) {
                toJoint[toOffset + cell] = separatorJoint[separatorOffset + toMap[cell]] * conditional[cell];
            }
        }
        return toJoint;
    }

    private void readPairs(int first, int clique, double[] jointTable, double[][] result) {
        Domain domain = tree.domain();
        int[] attributes = tree.clique(clique);
        int cells = jointTable.length / domain.size(first);
        for (int second : attributes) {
            if (second == first || result[second] != null) {
                continue;
            }
            int[] toSecond = Cliques.projectionMap(domain, attributes, new int[] {second});
            int secondSize = domain.size(second);
            double[] pair = new double[domain.size(first) * secondSize];
            boolean firstIsLower = first < second;
            for (int value = 0; value < domain.size(first); value++) {
                int offset = value * cells;
                for (int cell = 0; cell < cells; cell++) {
                    int other = toSecond[cell];
                    int index = firstIsLower ? value * secondSize + other : other * domain.size(first) + value;
                    pair[index] += jointTable[offset + cell];
                }
            }
            result[second] = pair;
        }
    }

    private Factor collect(int clique, int top, List<List<Integer>> children, int[] targets, double[][] calibrated) {
        Domain domain = tree.domain();
        // Sum out early every attribute that no separator on the subtree and no target needs.
        int[] needed = Cliques.intersection(tree.clique(clique), targets);
        if (clique != top) {
            needed = Cliques.union(needed, tree.separator(clique));
        }
        for (int child : children.get(clique)) {
            needed = Cliques.union(needed, tree.separator(child));
        }
        Factor product = new Factor(tree.clique(clique), calibrated[clique]);
        if (needed.length < tree.clique(clique).length) {
            product = product.sumOnto(domain, needed);
        }
        for (int child : children.get(clique)) {
            Factor message = collect(child, top, children, targets, calibrated);
            int[] keep = Cliques.union(tree.separator(child), Cliques.intersection(message.attributes, targets));
            Factor reduced = message.sumOnto(domain, keep);
            Factor separatorMarginal = new Factor(tree.clique(child), calibrated[child])
                    .sumOnto(domain, tree.separator(child));
            product = product.multiply(domain, reduced.divideInPlace(domain, separatorMarginal));
        }
        return product;
    }

    /**
     * Draws {@code rows} records by forward sampling along the junction tree: the root clique first, then each
     * clique's new attributes given its separator with the parent. Within each group of rows that share a
     * separator value the draws are stratified (row ranks in a random order plus a uniform offset, through the
     * inverse conditional CDF), so the synthetic clique counts differ from the model's expected counts by
     * at most about one per cell and group. Returns codes as {@code [attribute][row]}.
     */
    public int[][] sample(int rows, RandomGenerator random) {
        Domain domain = tree.domain();
        int[][] codes = new int[domain.attributeCount()][rows];
        double[][] calibrated = marginals();
        for (int clique : tree.order()) {
            sampleClique(clique, calibrated[clique], codes, rows, random);
        }
        return codes;
    }

    private void sampleClique(int clique, double[] marginal, int[][] codes, int rows, RandomGenerator random) {
        Domain domain = tree.domain();
        int[] attributes = tree.clique(clique);
        int[] separator = tree.separator(clique);
        int[] fresh = Cliques.difference(attributes, separator);
        int separatorCells = Cliques.cells(domain, separator);
        int freshCells = Cliques.cells(domain, fresh);

        // Conditional table laid out as [separator cell][fresh cell].
        int[] toSeparator = Cliques.projectionMap(domain, attributes, separator);
        int[] toFresh = Cliques.projectionMap(domain, attributes, fresh);
        double[] table = new double[marginal.length];
        for (int cell = 0; cell < marginal.length; cell++) {
            table[toSeparator[cell] * freshCells + toFresh[cell]] = Math.max(0.0, marginal[cell]);
        }

        // Group rows by separator value with a counting sort.
        int[] separatorStrides = Cliques.strides(domain, separator);
        int[] key = new int[rows];
        for (int i = 0; i < separator.length; i++) {
            int[] column = codes[separator[i]];
            int stride = separatorStrides[i];
            for (int row = 0; row < rows; row++) {
                key[row] += column[row] * stride;
            }
        }
        int[] start = new int[separatorCells + 1];
        for (int row = 0; row < rows; row++) {
            start[key[row] + 1]++;
        }
        for (int cell = 0; cell < separatorCells; cell++) {
            start[cell + 1] += start[cell];
        }
        int[] grouped = new int[rows];
        int[] fill = Arrays.copyOf(start, separatorCells);
        for (int row = 0; row < rows; row++) {
            grouped[fill[key[row]]++] = row;
        }

        int[] freshSizes = domain.sizesOf(fresh);
        for (int cell = 0; cell < separatorCells; cell++) {
            int from = start[cell];
            int to = start[cell + 1];
            if (to > from) {
                drawGroup(table, cell * freshCells, freshCells, grouped, from, to, fresh, freshSizes, codes, random);
            }
        }
    }

    private static void drawGroup(double[] table, int offset, int freshCells, int[] grouped, int from, int to,
            int[] fresh, int[] freshSizes, int[][] codes, RandomGenerator random) {
        int size = to - from;
        // Random order within the group, so which row gets which stratum is uniform.
        for (int i = to - 1; i > from; i--) {
            int j = from + random.nextInt(i - from + 1);
            int swap = grouped[i];
            grouped[i] = grouped[j];
            grouped[j] = swap;
        }
        double mass = 0;
        for (int n = 0; n < freshCells; n++) {
            mass += table[offset + n];
        }
        int freshCell = 0;
        double cumulative = mass > 0 ? table[offset] / mass : 1.0 / freshCells;
        for (int rank = 0; rank < size; rank++) {
            double u = (rank + random.nextDouble()) / size;
            while (u > cumulative && freshCell < freshCells - 1) {
                freshCell++;
                cumulative += mass > 0 ? table[offset + freshCell] / mass : 1.0 / freshCells;
            }
            int row = grouped[from + rank];
            int remainder = freshCell;
            for (int i = fresh.length - 1; i >= 0; i--) {
                codes[fresh[i]][row] = remainder % freshSizes[i];
                remainder /= freshSizes[i];
            }
        }
    }
}
