package org.synthtrust.generators.pgm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import org.synthtrust.core.domain.Domain;

/**
 * Junction tree over the cliques a graphical model must represent, built as in McKenna, Sheldon and Miklau
 * (2019), "Graphical-model based estimation and inference for differential privacy": triangulate the
 * interaction graph by greedy variable elimination (each step eliminates the attribute whose neighbourhood,
 * itself included, has the fewest cells), keep the maximal elimination cliques, and connect them by a maximum
 * spanning tree on intersection sizes. Every attribute of the domain is covered, so a model built on the tree
 * can sample whole records. Clique 0 is the root; {@link #order()} lists cliques parents-first.
 */
public final class JunctionTree {
    private final Domain domain;
    private final int[][] cliques;
    private final int[] parent;
    private final int[] order;
    private final int[][] separators;
    private final int[] eliminationOrder;

    private JunctionTree(Domain domain, int[][] cliques, int[] parent, int[] eliminationOrder) {
        this.domain = domain;
        this.cliques = cliques;
        this.parent = parent;
        this.eliminationOrder = eliminationOrder;
        this.order = breadthFirstOrder(parent);
        this.separators = new int[cliques.length][];
        for (int clique = 0; clique < cliques.length; clique++) {
            separators[clique] = parent[clique] < 0 ? new int[0]
                    : Cliques.intersection(cliques[clique], cliques[parent[clique]]);
        }
    }

    /** Builds the tree for the given cliques (sorted attribute sets) over the whole domain. */
    public static JunctionTree build(Domain domain, List<int[]> required) {
        Triangulation triangulation = triangulate(domain, required);
        List<int[]> maximal = triangulation.maximalCliques;
        int count = maximal.size();

        // Kruskal on all clique pairs by decreasing intersection size; zero-size edges join components so the
        // result is one tree even when the interaction graph is disconnected.
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                edges.add(new int[] {i, j, Cliques.intersection(maximal.get(i), maximal.get(j)).length});
            }
        }
        edges.sort(Comparator.comparingInt((int[] edge) -> -edge[2]).thenComparingInt(edge -> edge[0])
                .thenComparingInt(edge -> edge[1]));
        int[] component = new int[count];
        Arrays.setAll(component, i -> i);
        List<List<Integer>> adjacency = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            adjacency.add(new ArrayList<>());
        }
        for (int[] edge : edges) {
            int first = find(component, edge[0]);
            int second = find(component, edge[1]);
            if (first != second) {
                component[first] = second;
                adjacency.get(edge[0]).add(edge[1]);
                adjacency.get(edge[1]).add(edge[0]);
            }
        }

        int[] parent = new int[count];
        Arrays.fill(parent, -2);
        parent[0] = -1;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int next : adjacency.get(node)) {
                if (parent[next] == -2) {
                    parent[next] = node;
                    queue.add(next);
                }
            }
        }
        return new JunctionTree(domain, maximal.toArray(new int[0][]), parent, triangulation.eliminationOrder);
    }

    /** Restores a tree saved with {@link #cliques()} and {@link #parents()}. */
    public static JunctionTree restore(Domain domain, int[][] cliques, int[] parent) {
        return new JunctionTree(domain, cliques, parent, new int[0]);
    }

    /**
     * Returns the total number of cells in the maximal cliques of the junction tree that {@link #build} would
     * produce for these cliques, without building the tree; AIM filters candidates with it.
     */
    public static long totalCells(Domain domain, List<int[]> required) {
        long total = 0;
        for (int[] clique : triangulate(domain, required).maximalCliques) {
            total += domain.cells(clique);
        }
        return total;
    }

    /** Size of a junction tree in cells: all maximal cliques together, and the largest one. */
    public record Size(long totalCells, long maxCliqueCells) { }

    /**
     * Returns the total and largest clique size of the junction tree that {@link #build} would produce for these
     * cliques, without building the tree.
     */
    public static Size sizeOf(Domain domain, List<int[]> required) {
        long total = 0;
        long max = 0;
        for (int[] clique : triangulate(domain, required).maximalCliques) {
            long cells = domain.cells(clique);
            total += cells;
            max = Math.max(max, cells);
        }
        return new Size(total, max);
    }

    private record Triangulation(List<int[]> maximalCliques, int[] eliminationOrder) { }

    private static Triangulation triangulate(Domain domain, List<int[]> required) {
        int attributes = domain.attributeCount();
        BitSet[] neighbours = new BitSet[attributes];
        for (int i = 0; i < attributes; i++) {
            neighbours[i] = new BitSet(attributes);
        }
        for (int[] clique : required) {
            for (int a : clique) {
                for (int b : clique) {
                    if (a != b) {
                        neighbours[a].set(b);
                    }
                }
            }
        }

        BitSet remaining = new BitSet(attributes);
        remaining.set(0, attributes);
        List<int[]> eliminationCliques = new ArrayList<>();
        int[] eliminationOrder = new int[attributes];
        for (int step = 0; step < attributes; step++) {
            int best = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int v = remaining.nextSetBit(0); v >= 0; v = remaining.nextSetBit(v + 1)) {
                double cost = domain.size(v);
                for (int u = neighbours[v].nextSetBit(0); u >= 0; u = neighbours[v].nextSetBit(u + 1)) {
                    cost *= domain.size(u);
                }
                if (cost < bestCost) {
                    bestCost = cost;
                    best = v;
                }
            }
            BitSet clique = (BitSet) neighbours[best].clone();
            clique.set(best);
            eliminationCliques.add(clique.stream().toArray());
            for (int u = neighbours[best].nextSetBit(0); u >= 0; u = neighbours[best].nextSetBit(u + 1)) {
                neighbours[u].or(neighbours[best]);
                neighbours[u].clear(u);
                neighbours[u].clear(best);
            }
            remaining.clear(best);
            eliminationOrder[step] = best;
        }

        List<int[]> maximal = new ArrayList<>();
        for (int i = 0; i < eliminationCliques.size(); i++) {
            int[] candidate = eliminationCliques.get(i);
            boolean contained = false;
            for (int j = 0; j < eliminationCliques.size() && !contained; j++) {
                int[] other = eliminationCliques.get(j);
                if (j != i && Cliques.isSubset(candidate, other)
                        && (other.length > candidate.length || j < i)) {
                    contained = true;
                }
            }
            if (!contained) {
                maximal.add(candidate);
            }
        }
        return new Triangulation(maximal, eliminationOrder);
    }

    private static int find(int[] component, int node) {
        while (component[node] != node) {
            component[node] = component[component[node]];
            node = component[node];
        }
        return node;
    }

    private static int[] breadthFirstOrder(int[] parent) {
        int count = parent.length;
        List<List<Integer>> children = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            children.add(new ArrayList<>());
        }
        int root = -1;
        for (int i = 0; i < count; i++) {
            if (parent[i] < 0) {
                root = i;
            } else {
                children.get(parent[i]).add(i);
            }
        }
        int[] order = new int[count];
        int size = 0;
        order[size++] = root;
        for (int head = 0; head < size; head++) {
            for (int child : children.get(order[head])) {
                order[size++] = child;
            }
        }
        if (size != count) {
            throw new IllegalArgumentException("junction tree parents do not form one tree");
        }
        return order;
    }

    public Domain domain() {
        return domain;
    }

    public int size() {
        return cliques.length;
    }

    public int[] clique(int index) {
        return cliques[index];
    }

    public int[][] cliques() {
        return cliques.clone();
    }

    /** Returns the parent of each clique, -1 for the root. */
    public int[] parents() {
        return parent.clone();
    }

    public int parent(int clique) {
        return parent[clique];
    }

    /** Returns the intersection of a clique with its parent (empty for the root). */
    public int[] separator(int clique) {
        return separators[clique];
    }

    /** Returns the cliques in breadth-first order from the root, so every parent precedes its children. */
    public int[] order() {
        return order.clone();
    }

    int orderAt(int position) {
        return order[position];
    }

    public int[] eliminationOrder() {
        return eliminationOrder.clone();
    }

    /** Returns the index of the first clique (in breadth-first order) that contains all given attributes, or -1. */
    public int cliqueContaining(int[] attributes) {
        for (int clique : order) {
            if (Cliques.isSubset(attributes, cliques[clique])) {
                return clique;
            }
        }
        return -1;
    }

    /** Returns the number of cells in the largest clique. */
    public long maxCliqueCells() {
        long max = 0;
        for (int[] clique : cliques) {
            max = Math.max(max, domain.cells(clique));
        }
        return max;
    }

    public long totalCells() {
        long total = 0;
        for (int[] clique : cliques) {
            total += domain.cells(clique);
        }
        return total;
    }
}
