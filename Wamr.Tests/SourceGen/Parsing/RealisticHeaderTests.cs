using System.Diagnostics;
using System.Linq;
using System.Text;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.SourceGen.Model;

using static Wamr.Tests.SourceGen.Parsing.ParserTestHelper;

namespace Wamr.Tests.SourceGen.Parsing;

/// <summary>
/// A hand-written, macro-free excerpt of wasm_c_api.h, wasm_export.h and lib_export.h as the preprocessor
/// leaves them (WASM_DECLARE_OWN/VEC/TYPE/REF expanded, <c>own</c> and <c>WASM_API_EXTERN</c> gone).
/// </summary>
[TestClass]
public sealed class RealisticHeaderTests
{
    private const string Excerpt = """
        inline void assertions(void) {
          static_assert(sizeof(float) == sizeof(uint32_t), "incompatible float type");
          static_assert(sizeof(intptr_t) == sizeof(uint32_t) ||
                        sizeof(intptr_t) == sizeof(uint64_t),
                        "incompatible pointer type");
        }

        typedef char byte_t;
        typedef float float32_t;
        typedef double float64_t;

        typedef byte_t wasm_byte_t;
        typedef struct wasm_byte_vec_t { size_t size; wasm_byte_t * data; size_t num_elems; size_t size_of_elem; void *lock; } wasm_byte_vec_t; void wasm_byte_vec_new_empty( wasm_byte_vec_t* out); void wasm_byte_vec_new_uninitialized( wasm_byte_vec_t* out, size_t); void wasm_byte_vec_new( wasm_byte_vec_t* out, size_t, wasm_byte_t const[]); void wasm_byte_vec_copy( wasm_byte_vec_t* out, const wasm_byte_vec_t*); void wasm_byte_vec_delete( wasm_byte_vec_t*);

        typedef wasm_byte_vec_t wasm_name_t;

        static inline void wasm_name_new_from_string(
           wasm_name_t* out, const char* s
        ) {
          wasm_byte_vec_new(out, strlen(s), s);
        }

        typedef struct wasm_config_t wasm_config_t; void wasm_config_delete( wasm_config_t*);

        /**
         * Create a new engine
         */
        typedef struct wasm_engine_t wasm_engine_t; void wasm_engine_delete( wasm_engine_t*);
        __declspec(dllimport) wasm_engine_t* wasm_engine_new(void);

        /* Memory allocator type */
        typedef enum {
            /* pool mode, allocate memory from user defined heap buffer */
            Alloc_With_Pool = 0,
            Alloc_With_Allocator,
            Alloc_With_System_Allocator,
        } mem_alloc_type_t;

        /* Memory allocator option */
        typedef union MemAllocOption {
            struct {
                void *heap_buf;
                uint32_t heap_size;
            } pool;
            struct {
                void *malloc_func;
                void *realloc_func;
                void *free_func;
                /* allocator user data */
                void *user_data;
            } allocator;
        } MemAllocOption;

        wasm_engine_t *
        wasm_engine_new_with_args(mem_alloc_type_t type, const MemAllocOption *opts);

        typedef uint8_t wasm_mutability_t;
        enum wasm_mutability_enum {
          WASM_CONST,
          WASM_VAR,
        };

        typedef struct wasm_limits_t {
          uint32_t min;
          uint32_t max;
        } wasm_limits_t;

        static const uint32_t wasm_limits_max_default = 0xffffffff;

        typedef struct wasm_valtype_t wasm_valtype_t; void wasm_valtype_delete( wasm_valtype_t*); typedef struct wasm_valtype_vec_t { size_t size; wasm_valtype_t ** data; size_t num_elems; size_t size_of_elem; void *lock; } wasm_valtype_vec_t; void wasm_valtype_vec_new_empty( wasm_valtype_vec_t* out); void wasm_valtype_vec_new( wasm_valtype_vec_t* out, size_t, wasm_valtype_t * const[]); wasm_valtype_t* wasm_valtype_copy(const wasm_valtype_t*);

        typedef uint8_t wasm_valkind_t;
        enum wasm_valkind_enum {
          WASM_I32,
          WASM_I64,
          WASM_F32,
          WASM_F64,
          WASM_ANYREF = 128,
          WASM_FUNCREF,
        };

        static inline bool wasm_valkind_is_num(wasm_valkind_t k) {
          return k < WASM_ANYREF;
        }

        struct wasm_ref_t;

        typedef struct wasm_val_t {
          wasm_valkind_t kind;
          union {
            int32_t i32;
            int64_t i64;
            float32_t f32;
            float64_t f64;
            struct wasm_ref_t* ref;
          } of;
        } wasm_val_t;

        typedef struct wasm_val_vec_t { size_t size; wasm_val_t * data; size_t num_elems; size_t size_of_elem; void *lock; } wasm_val_vec_t;

        typedef struct wasm_ref_t wasm_ref_t; void wasm_ref_delete( wasm_ref_t*); wasm_ref_t* wasm_ref_copy(const wasm_ref_t*); bool wasm_ref_same(const wasm_ref_t*, const wasm_ref_t*); void* wasm_ref_get_host_info(const wasm_ref_t*); void wasm_ref_set_host_info(wasm_ref_t*, void*); void wasm_ref_set_host_info_with_finalizer( wasm_ref_t*, void*, void (*)(void*));

        typedef struct wasm_trap_t wasm_trap_t; void wasm_trap_delete( wasm_trap_t*);
        typedef struct wasm_func_t wasm_func_t; void wasm_func_delete( wasm_func_t*);
        typedef struct wasm_store_t wasm_store_t;
        typedef struct wasm_functype_t wasm_functype_t;

        struct WASMModuleCommon;
        typedef struct WASMModuleCommon *wasm_module_t;
        typedef wasm_module_t wasm_shared_module_t;

        typedef  wasm_trap_t* (*wasm_func_callback_t)(
          const wasm_val_vec_t* args,  wasm_val_vec_t *results);
        typedef  wasm_trap_t* (*wasm_func_callback_with_env_t)(
          void* env, const wasm_val_vec_t *args, wasm_val_vec_t *results);

         wasm_func_t* wasm_func_new_with_env(
          wasm_store_t*, const wasm_functype_t* type, wasm_func_callback_with_env_t,
          void* env, void (*finalizer)(void*));

        typedef uint32_t wasm_memory_pages_t;
        static const size_t MEMORY_PAGE_SIZE = 0x10000;

        typedef struct NativeSymbol {
            const char *symbol;
            void *func_ptr;
            const char *signature;
            void *attachment;
        } NativeSymbol;

        uint32_t
        get_base_lib_export_apis(NativeSymbol **p_base_lib_apis);

        struct WASMModuleInstanceCommon;
        typedef struct WASMModuleInstanceCommon *wasm_module_inst_t;

        typedef void WASMFunctionInstanceCommon;
        typedef WASMFunctionInstanceCommon *wasm_function_inst_t;

        typedef struct wasm_section_t {
            struct wasm_section_t *next;
            /* section type */
            int section_type;
            uint8_t *section_body;
            uint32_t section_body_size;
        } wasm_section_t, aot_section_t, *wasm_section_list_t, *aot_section_list_t;

        struct WASMExecEnv;
        typedef struct WASMExecEnv *wasm_exec_env_t;

        typedef enum {
            Wasm_Module_Bytecode = 0,
            Wasm_Module_AoT,
            Package_Type_Unknown = 0xFFFF
        } package_type_t;

        typedef struct RuntimeInitArgs {
            mem_alloc_type_t mem_alloc_type;
            MemAllocOption mem_alloc_option;
            const char *native_module_name;
            NativeSymbol *native_symbols;
            uint32_t n_native_symbols;
            uint32_t max_thread_num;
            char ip_addr[128];
            int unused; /* was platform_port */
            int instance_port;
            uint32_t fast_jit_code_cache_size;
        } RuntimeInitArgs;

        bool
        wasm_runtime_full_init(RuntimeInitArgs *init_args);

        typedef bool (*module_reader)(const char *module_name,
                                      uint8_t **p_buffer, uint32_t *p_size);
        typedef void (*module_destroyer)(uint8_t *buffer, uint32_t size);

        void
        wasm_runtime_set_module_reader(const module_reader reader,
                                       const module_destroyer destroyer);

        void
        wasm_runtime_set_wasi_args(wasm_module_t module,
                                   const char *dir_list[], uint32_t dir_count,
                                   char *argv[], int argc);

        uint32_t
        wasm_func_get_param_count(wasm_function_inst_t const func_inst,
                                  wasm_module_inst_t const module_inst);

        bool
        wasm_runtime_call_wasm_v(wasm_exec_env_t exec_env,
                                 wasm_function_inst_t function,
                                 uint32_t num_results, wasm_val_t results[],
                                 uint32_t num_args, ...);

        typedef void *(*wasm_thread_callback_t)(wasm_exec_env_t, void *);
        typedef uintptr_t wasm_thread_t;
        """;

    [TestMethod]
    public void ExcerptParsesWithoutDiagnostics()
    {
        HeaderModel model = ParseClean(Excerpt);

        Assert.IsGreaterThan(15, model.Records.Count);
        Assert.IsGreaterThan(30, model.Typedefs.Count);
        Assert.IsGreaterThan(25, model.Functions.Count);
        Assert.HasCount(4, model.Enums);
        Assert.HasCount(2, model.Constants);
    }

    [TestMethod]
    public void ExcerptRecords()
    {
        HeaderModel model = ParseClean(Excerpt);

        RecordDecl byteVec = model.Record("wasm_byte_vec_t");
        CollectionAssert.AreEqual(
            new[] { "size", "data", "num_elems", "size_of_elem", "lock" },
            byteVec.Fields.Select(f => f.Name).ToArray());
        Assert.AreEqual(Ptr(Td("wasm_byte_t")), byteVec.Fields[1].Type);
        Assert.AreEqual(Ptr(Ptr(Td("wasm_valtype_t"))), model.Record("wasm_valtype_vec_t").Fields[1].Type);

        RecordDecl val = model.Record("wasm_val_t");
        Assert.AreEqual(new FieldDecl("of", Union("wasm_val_t_of"), val.Fields[1].Location, null), val.Fields[1]);
        RecordDecl of = model.Record("wasm_val_t_of");
        Assert.IsTrue(of.IsAnonymous);
        Assert.AreEqual(TagKind.Union, of.Kind);
        Assert.AreEqual(Ptr(Struct("wasm_ref_t")), of.Fields[4].Type);
        Assert.AreEqual(Td("float32_t"), of.Fields[2].Type);

        Assert.IsTrue(model.Record("MemAllocOption_pool").IsAnonymous);
        Assert.AreEqual("allocator user data", model.Record("MemAllocOption_allocator").Fields[3].Doc);

        RecordDecl args = model.Record("RuntimeInitArgs");
        Assert.AreEqual(new CArrayType(Prim("char"), 128), args.Fields.Single(f => f.Name == "ip_addr").Type);
        Assert.AreEqual(Td("MemAllocOption"), args.Fields[1].Type);
        Assert.AreEqual(Td("mem_alloc_type_t"), args.Fields[0].Type);

        string[] opaque = model.Records.Where(r => r.IsOpaque).Select(r => r.Name).OrderBy(n => n, System.StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(
            new[]
            {
                "WASMExecEnv", "WASMModuleCommon", "WASMModuleInstanceCommon", "wasm_config_t", "wasm_engine_t", "wasm_func_t",
                "wasm_functype_t", "wasm_ref_t", "wasm_store_t", "wasm_trap_t", "wasm_valtype_t",
            },
            opaque);
        Assert.AreEqual(model.Records.Count, model.Records.Select(r => r.Name).Distinct().Count());
    }

    [TestMethod]
    public void ExcerptTypedefsEnumsAndConstants()
    {
        HeaderModel model = ParseClean(Excerpt);

        Assert.AreEqual(Ptr(Fn(Ptr(Td("wasm_trap_t")), Param("args", Ptr(Td("wasm_val_vec_t", isConst: true))), Param("results", Ptr(Td("wasm_val_vec_t"))))),
            model.Typedef("wasm_func_callback_t").Type);
        Assert.AreEqual(Struct("wasm_val_t"), model.Typedef("wasm_val_t").Type);
        Assert.AreEqual(Ptr(Struct("wasm_section_t")), model.Typedef("aot_section_list_t").Type);
        Assert.AreEqual(Prim("void"), model.Typedef("WASMFunctionInstanceCommon").Type);
        Assert.AreEqual(Prim("uintptr_t"), model.Typedef("wasm_thread_t").Type);
        Assert.AreEqual(EnumRef("mem_alloc_type_t"), model.Typedef("mem_alloc_type_t").Type);

        CollectionAssert.AreEqual(new long[] { 0, 1, 2, 3, 128, 129 }, model.Enum("wasm_valkind_enum").Members.Select(m => m.Value).ToArray());
        Assert.AreEqual(0xFFFF, model.Enum("package_type_t").Members[2].Value);
        Assert.AreEqual("pool mode, allocate memory from user defined heap buffer", model.Enum("mem_alloc_type_t").Members[0].Doc);
        Assert.AreEqual("4294967295", model.Constant("wasm_limits_max_default").Value);
        Assert.AreEqual("65536", model.Constant("MEMORY_PAGE_SIZE").Value);
    }

    [TestMethod]
    public void ExcerptFunctions()
    {
        HeaderModel model = ParseClean(Excerpt);

        Assert.IsTrue(model.Function("assertions").IsInline);
        Assert.IsTrue(model.Function("wasm_name_new_from_string").IsInline);
        Assert.IsTrue(model.Function("wasm_valkind_is_num").IsInline);
        Assert.IsFalse(model.Function("wasm_engine_new").IsInline);
        Assert.AreEqual("Create a new engine", model.Typedef("wasm_engine_t").Doc);

        Assert.AreEqual(
            Params(Param("out", Ptr(Td("wasm_valtype_vec_t"))), Param(null, Prim("size_t")), Param(null, new CArrayType(Ptr(Td("wasm_valtype_t"), isConst: true), null))),
            model.Function("wasm_valtype_vec_new").Parameters);
        Assert.AreEqual(
            Params(Param(null, new CArrayType(Td("wasm_byte_t", isConst: true), null))),
            Params(model.Function("wasm_byte_vec_new").Parameters[2]));
        Assert.AreEqual(
            Param(null, Ptr(Fn(Prim("void"), Param(null, Ptr(Prim("void")))))),
            model.Function("wasm_ref_set_host_info_with_finalizer").Parameters[2]);
        Assert.AreEqual(
            Param("finalizer", Ptr(Fn(Prim("void"), Param(null, Ptr(Prim("void")))))),
            model.Function("wasm_func_new_with_env").Parameters[4]);
        Assert.AreEqual(Td("wasm_function_inst_t", isConst: true), model.Function("wasm_func_get_param_count").Parameters[0].Type);
        Assert.AreEqual(Td("module_reader", isConst: true), model.Function("wasm_runtime_set_module_reader").Parameters[0].Type);
        Assert.AreEqual(new CArrayType(Ptr(Prim("char")), null), model.Function("wasm_runtime_set_wasi_args").Parameters[3].Type);

        FunctionDecl callV = model.Function("wasm_runtime_call_wasm_v");
        Assert.IsTrue(callV.IsVariadic);
        Assert.HasCount(5, callV.Parameters);
        Assert.AreEqual(new CArrayType(Td("wasm_val_t"), null), callV.Parameters[3].Type);
    }

    [TestMethod]
    public void HeaderSizedInputParsesInLinearTime()
    {
        // ~2,750 lines: the excerpt many times over (repeated declarations are parsed, then merged).
        var text = new StringBuilder();
        for (int i = 0; i < 14; i++)
        {
            text.AppendLine(Excerpt);
        }

        var preprocessed = Preprocessed(text.ToString());
        Assert.IsGreaterThan(2500, text.ToString().Split('\n').Length);
        Wamr.SourceGen.Parsing.CParser.Parse(preprocessed);

        var stopwatch = Stopwatch.StartNew();
        HeaderModel model = Wamr.SourceGen.Parsing.CParser.Parse(preprocessed);
        stopwatch.Stop();

        Assert.IsEmpty(model.Diagnostics);
        Assert.AreEqual(ParseClean(Excerpt).Functions.Count, model.Functions.Count);
        Assert.IsLessThan(500L, stopwatch.ElapsedMilliseconds, $"took {stopwatch.ElapsedMilliseconds} ms");
    }
}
