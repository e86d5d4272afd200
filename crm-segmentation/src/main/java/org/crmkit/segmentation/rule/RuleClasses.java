package org.crmkit.segmentation.rule;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Turns a compiled rule's tree into a class of its own, whose {@code test} is the tree's {@code all}, {@code any}
 * and {@code not} written out as branches, each test called through a constant. The JIT then knows every node's
 * class and inlines the tests into one method, as it does for hand-written code; walking the tree, it meets one
 * call site shared by every kind of node and inlines nothing. The tree stays the one source: the class calls its
 * tests and leaves explanations to it.
 *
 * <p>Each class is a hidden class: it has no name to clash with and is unloaded with its rule.
 */
final class RuleClasses {
    /** Parts per generated method: a wider junction is split, so every method stays small enough to compile. */
    static final int PARTS_PER_METHOD = 16;

    private static final String NAME = Type.getInternalName(RuleClasses.class).replace("RuleClasses", "GeneratedRule");
    private static final String NODE = Type.getInternalName(Compiled.Node.class);
    private static final String SUBJECT = Type.getDescriptor(Subject.class);
    private static final String TEST = "(" + SUBJECT + ")Z";
    private static final String EXPLAIN = "(" + SUBJECT + ")" + Type.getDescriptor(Explanation.class);
    private static final String NODE_TYPE = "L" + NODE + ";";
    private static final String TREE = "tree";

    private RuleClasses() {
    }

    /**
     * The tree as a class, or the tree itself when it is a single test, which needs no class.
     *
     * @param tree the compiled tree
     * @return a node that tests as the tree does
     */
    static Compiled.Node of(Compiled.Node tree) {
        if (!(tree instanceof Compiled.Junction) && !(tree instanceof Compiled.Not)) {
            return tree;
        }
        Writer writer = new Writer();
        byte[] bytes = writer.write(tree);
        List<Object> data = new ArrayList<>(writer.tests);
        data.add(tree);
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClassWithClassData(bytes, data, true);
            return (Compiled.Node) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            // The class is ours, in this package, with a constructor this package can call: a bug if it fails.
            throw new IllegalStateException("cannot define the class of rule " + tree, e);
        }
    }

    /** Writes one class: a static method per junction or negation, the tests in static final fields. */
    private static final class Writer {
        final List<Compiled.Node> tests = new ArrayList<>();
        private final List<Compiled.Node> methods = new ArrayList<>();
        private final ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                return "java/lang/Object"; // never merged here: the frames hold only the subject and booleans
            }
        };

        byte[] write(Compiled.Node tree) {
            cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, NAME, null, "java/lang/Object",
                    new String[] {NODE});
            constructor();
            MethodVisitor test = cw.visitMethod(Opcodes.ACC_PUBLIC, "test", TEST, null, null);
            test.visitCode();
            test.visitVarInsn(Opcodes.ALOAD, 1);
            test.visitMethodInsn(Opcodes.INVOKESTATIC, NAME, method(tree), TEST, false);
            test.visitInsn(Opcodes.IRETURN);
            test.visitMaxs(0, 0);
            test.visitEnd();
            for (int i = 0; i < methods.size(); i++) {
                body(i, methods.get(i));
            }
            MethodVisitor explain = cw.visitMethod(Opcodes.ACC_PUBLIC, "explain", EXPLAIN, null, null);
            explain.visitCode();
            explain.visitFieldInsn(Opcodes.GETSTATIC, NAME, TREE, NODE_TYPE);
            explain.visitVarInsn(Opcodes.ALOAD, 1);
            explain.visitMethodInsn(Opcodes.INVOKEINTERFACE, NODE, "explain", EXPLAIN, true);
            explain.visitInsn(Opcodes.ARETURN);
            explain.visitMaxs(0, 0);
            explain.visitEnd();
            fields();
            cw.visitEnd();
            return cw.toByteArray();
        }

        private void constructor() {
            MethodVisitor mv = cw.visitMethod(0, "<init>", "()V", null, null);
            mv.visitCode();
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }

        /** The tests' fields, filled from the class data: constants the JIT folds, so it sees each test's class. */
        private void fields() {
            for (int i = 0; i < tests.size(); i++) {
                cw.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_PRIVATE, "t" + i, NODE_TYPE, null,
                        null).visitEnd();
            }
            cw.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_PRIVATE, TREE, NODE_TYPE, null, null)
                    .visitEnd();
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
            mv.visitCode();
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup",
                    "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
            mv.visitLdcInsn("_");
            mv.visitLdcInsn(Type.getType(List.class));
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "classData",
                    "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;",
                    false);
            mv.visitTypeInsn(Opcodes.CHECKCAST, "java/util/List");
            mv.visitVarInsn(Opcodes.ASTORE, 0);
            for (int i = 0; i <= tests.size(); i++) {
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitLdcInsn(i);
                mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/List", "get", "(I)Ljava/lang/Object;", true);
                mv.visitTypeInsn(Opcodes.CHECKCAST, NODE);
                mv.visitFieldInsn(Opcodes.PUTSTATIC, NAME, i < tests.size() ? "t" + i : TREE, NODE_TYPE);
            }
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }

        /** Names the static method for a junction or negation, to be written later. */
        private String method(Compiled.Node node) {
            methods.add(node);
            return "m" + (methods.size() - 1);
        }

        private void body(int index, Compiled.Node node) {
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, "m" + index, TEST, null,
                    null);
            mv.visitCode();
            if (node instanceof Compiled.Not not) {
                call(mv, not.part());
                mv.visitInsn(Opcodes.ICONST_1);
                mv.visitInsn(Opcodes.IXOR);
                mv.visitInsn(Opcodes.IRETURN);
            } else {
                Compiled.Junction junction = (Compiled.Junction) node;
                // if (part == any) return any; ... return !any
                for (Compiled.Node part : split(junction)) {
                    Label next = new Label();
                    call(mv, part);
                    mv.visitJumpInsn(junction.any() ? Opcodes.IFEQ : Opcodes.IFNE, next);
                    mv.visitInsn(junction.any() ? Opcodes.ICONST_1 : Opcodes.ICONST_0);
                    mv.visitInsn(Opcodes.IRETURN);
                    mv.visitLabel(next);
                }
                mv.visitInsn(junction.any() ? Opcodes.ICONST_0 : Opcodes.ICONST_1);
                mv.visitInsn(Opcodes.IRETURN);
            }
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }

        /** Leaves the part's outcome on the stack. */
        private void call(MethodVisitor mv, Compiled.Node part) {
            if (part instanceof Compiled.Junction || part instanceof Compiled.Not) {
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, NAME, method(part), TEST, false);
                return;
            }
            tests.add(part);
            mv.visitFieldInsn(Opcodes.GETSTATIC, NAME, "t" + (tests.size() - 1), NODE_TYPE);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, NODE, "test", TEST, true);
        }
    }

    /**
     * A junction's parts, at most {@link #PARTS_PER_METHOD} of them: the parts of a wider one grouped into
     * junctions of the same kind, which decide the same (an {@code all} of {@code all}s is an {@code all}).
     */
    static List<Compiled.Node> split(Compiled.Junction junction) {
        List<Compiled.Node> parts = Arrays.asList(junction.parts());
        while (parts.size() > PARTS_PER_METHOD) {
            List<Compiled.Node> grouped = new ArrayList<>();
            for (int from = 0; from < parts.size(); from += PARTS_PER_METHOD) {
                List<Compiled.Node> group = parts.subList(from, Math.min(parts.size(), from + PARTS_PER_METHOD));
                grouped.add(group.size() == 1 ? group.get(0)
                        : new Compiled.Junction(group.toArray(Compiled.Node[]::new), junction.any()));
            }
            parts = grouped;
        }
        return parts;
    }
}
