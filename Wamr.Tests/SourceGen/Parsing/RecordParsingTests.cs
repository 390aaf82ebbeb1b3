using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.SourceGen.Model;

using static Wamr.Tests.SourceGen.Parsing.ParserTestHelper;

namespace Wamr.Tests.SourceGen.Parsing;

[TestClass]
public sealed class RecordParsingTests
{
    [TestMethod]
    public void TaggedStructWithPointerArrayAndVoidPointerFields()
    {
        HeaderModel model = ParseClean("""
            enum { ADDR_LEN = 64 };
            struct args {
                /* the name */
                const char *native_module_name;
                void *lock;
                char ip_addr[128];
                char host[ADDR_LEN * 2 + 1], *alias;
                int matrix[2][3];
            };
            """);

        RecordDecl record = model.Record("args");
        Assert.AreEqual(TagKind.Struct, record.Kind);
        Assert.IsFalse(record.IsOpaque);
        Assert.IsFalse(record.IsAnonymous);
        Assert.AreEqual(At(2, 8), record.Location);
        Assert.HasCount(6, record.Fields);
        Assert.AreEqual(new FieldDecl("native_module_name", Ptr(Prim("char", isConst: true)), At(4, 17), "the name"), record.Fields[0]);
        Assert.AreEqual(new FieldDecl("lock", Ptr(Prim("void")), At(5, 11), null), record.Fields[1]);
        Assert.AreEqual(new CArrayType(Prim("char"), 128), record.Fields[2].Type);
        Assert.AreEqual(new CArrayType(Prim("char"), 129), record.Fields[3].Type);
        Assert.AreEqual("alias", record.Fields[4].Name);
        Assert.AreEqual(Ptr(Prim("char")), record.Fields[4].Type);
        Assert.AreEqual(new CArrayType(new CArrayType(Prim("int"), 3), 2), record.Fields[5].Type);
    }

    [TestMethod]
    public void AnonymousMembersAreNamedAfterTheEnclosingRecordAndMember()
    {
        HeaderModel model = ParseClean("""
            typedef union MemAllocOption {
                struct {
                    void *heap_buf;
                    unsigned int heap_size;
                } pool;
                struct {
                    void *malloc_func;
                } allocator;
            } MemAllocOption;
            """);

        RecordDecl pool = model.Record("MemAllocOption_pool");
        Assert.IsTrue(pool.IsAnonymous);
        Assert.AreEqual(TagKind.Struct, pool.Kind);
        Assert.HasCount(2, pool.Fields);
        Assert.IsTrue(model.Record("MemAllocOption_allocator").IsAnonymous);

        RecordDecl option = model.Record("MemAllocOption");
        Assert.AreEqual(TagKind.Union, option.Kind);
        Assert.AreEqual(new FieldDecl("pool", Struct("MemAllocOption_pool"), At(5, 7), null), option.Fields[0]);
        Assert.AreEqual(Struct("MemAllocOption_allocator"), option.Fields[1].Type);
        Assert.AreEqual(Union("MemAllocOption"), model.Typedef("MemAllocOption").Type);

        // Nested records come before the record that contains them.
        Assert.AreEqual("MemAllocOption", model.Records[2].Name);
    }

    [TestMethod]
    public void TypedefOfAnonymousStructTakesTheTypedefName()
    {
        HeaderModel model = ParseClean("""
            typedef struct {
                union { int i; float f; } u;
                struct { int a; };
                union { long l; };
            } foo_t, *foo_ptr_t;
            """);

        RecordDecl foo = model.Record("foo_t");
        Assert.IsTrue(foo.IsAnonymous);
        Assert.AreEqual(Struct("foo_t"), model.Typedef("foo_t").Type);
        Assert.AreEqual(Ptr(Struct("foo_t")), model.Typedef("foo_ptr_t").Type);
        Assert.AreEqual(new FieldDecl("u", Union("foo_t_u"), At(2, 31), null), foo.Fields[0]);
        Assert.AreEqual(new FieldDecl(null, Struct("foo_t_anon1"), At(3, 5), null), foo.Fields[1]);
        Assert.AreEqual(new FieldDecl(null, Union("foo_t_anon2"), At(4, 5), null), foo.Fields[2]);
        Assert.IsTrue(model.Record("foo_t_u").IsAnonymous);
        Assert.HasCount(1, model.Record("foo_t_anon1").Fields);
        Assert.AreEqual("l", model.Record("foo_t_anon2").Fields[0].Name);
    }

    [TestMethod]
    public void DeeplyNestedAnonymousRecordsChainTheirNames()
    {
        HeaderModel model = ParseClean("""
            struct outer { union { struct { int x; } inner; } middle; };
            """);

        Assert.AreEqual(Struct("outer_middle_inner"), model.Record("outer_middle").Fields[0].Type);
        Assert.AreEqual(Union("outer_middle"), model.Record("outer").Fields[0].Type);
        Assert.HasCount(3, model.Records);
    }

    [TestMethod]
    public void NestedTaggedDefinitionIsItsOwnRecord()
    {
        HeaderModel model = ParseClean("""
            struct a { struct b { int x; } first; struct b second; };
            """);

        Assert.HasCount(1, model.Record("b").Fields);
        Assert.IsFalse(model.Record("b").IsAnonymous);
        Assert.AreEqual(Struct("b"), model.Record("a").Fields[0].Type);
        Assert.AreEqual(Struct("b"), model.Record("a").Fields[1].Type);
    }

    [TestMethod]
    public void ForwardDeclarationWithoutBodyIsOpaque()
    {
        HeaderModel model = ParseClean("""
            /* a reference */
            struct wasm_ref_t;
            union later_u;
            """);

        Assert.AreEqual(
            new RecordDecl("wasm_ref_t", TagKind.Struct, default, IsOpaque: true, IsAnonymous: false, At(2, 8), "a reference"),
            model.Record("wasm_ref_t"));
        Assert.AreEqual(TagKind.Union, model.Record("later_u").Kind);
        Assert.IsTrue(model.Record("later_u").IsOpaque);
    }

    [TestMethod]
    public void ForwardDeclarationFollowedByBodyGivesOnlyTheFullRecord()
    {
        HeaderModel model = ParseClean("""
            struct node;
            typedef struct node node_t;
            struct node { node_t *next; int value; };
            """);

        Assert.HasCount(1, model.Records);
        RecordDecl node = model.Record("node");
        Assert.IsFalse(node.IsOpaque);
        Assert.HasCount(2, node.Fields);
        Assert.AreEqual(Ptr(Td("node_t")), node.Fields[0].Type);
    }

    [TestMethod]
    public void TagUsedOnlyInAPrototypeIsOpaque()
    {
        HeaderModel model = ParseClean("""
            struct wasm_instance_t* wasm_frame_instance(const void*);
            """);

        Assert.IsTrue(model.Record("wasm_instance_t").IsOpaque);
        Assert.AreEqual(Ptr(Struct("wasm_instance_t")), model.Function("wasm_frame_instance").ReturnType);
    }

    [TestMethod]
    public void AnonymousStructWithoutTypedefGetsACountedName()
    {
        HeaderModel model = ParseClean("""
            struct { int a; } first_var;
            union { int b; } second_var;
            struct { int c; } third_var;
            """);

        Assert.HasCount(3, model.Records);
        Assert.AreEqual("a", model.Record("anonymous_struct_1").Fields[0].Name);
        Assert.AreEqual("b", model.Record("anonymous_union_1").Fields[0].Name);
        Assert.AreEqual("c", model.Record("anonymous_struct_2").Fields[0].Name);
    }

    [TestMethod]
    public void FunctionPointerFieldsAndFlexibleArrays()
    {
        HeaderModel model = ParseClean("""
            struct callbacks {
                void (*finalizer)(void *);
                int (*ops[4])(int);
                unsigned int count;
                char data[];
            };
            """);

        RecordDecl record = model.Record("callbacks");
        Assert.AreEqual(Ptr(Fn(Prim("void"), Param(null, Ptr(Prim("void"))))), record.Fields[0].Type);
        Assert.AreEqual(new CArrayType(Ptr(Fn(Prim("int"), Param(null, Prim("int")))), 4), record.Fields[1].Type);
        Assert.AreEqual(new CArrayType(Prim("char"), null), record.Fields[3].Type);
    }

    [TestMethod]
    public void RecordDocComesFromTheDeclarationAndFieldDocsFromTheirOwn()
    {
        HeaderModel model = ParseClean("""
            /* Memory pool info */
            typedef struct mem_alloc_info_t {
                // total
                unsigned total_size;
                unsigned highmark_size;
            } mem_alloc_info_t;
            """);

        RecordDecl record = model.Record("mem_alloc_info_t");
        Assert.AreEqual("Memory pool info", record.Doc);
        Assert.AreEqual("total", record.Fields[0].Doc);
        Assert.IsNull(record.Fields[1].Doc);
    }
}
