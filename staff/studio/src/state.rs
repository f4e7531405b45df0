//! The studio's state (one reducer): the language, the open step, the files being edited, and what the
//! engine says of them now and of the published version.

use crate::engine_door::{Checked, check};
use crate::workspace::{SourceFile, Workspace};
use eligo::i18n::Lang;
use eligo::rules::Given;
use eligo_engine::Date;
use std::rc::Rc;
use yew::prelude::*;

/// The steps of the studio, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Review,
    Edit,
    Cases,
    Preview,
    Board,
    Publish,
}

impl Tab {
    /// Every step, in the order of the tabs.
    pub const ALL: [Tab; 6] = [
        Tab::Review,
        Tab::Edit,
        Tab::Cases,
        Tab::Preview,
        Tab::Board,
        Tab::Publish,
    ];

    /// A stable id for the page (and the tests).
    pub fn id(self) -> &'static str {
        match self {
            Tab::Review => "review",
            Tab::Edit => "edit",
            Tab::Cases => "cases",
            Tab::Preview => "preview",
            Tab::Board => "board",
            Tab::Publish => "publish",
        }
    }
}

/// Everything the studio shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Studio {
    pub lang: Lang,
    /// The day the studio was opened (what to review depends on it).
    pub today: Date,
    pub tab: Tab,
    /// The files, once opened.
    pub workspace: Option<Workspace>,
    /// The file in the editor.
    pub current: usize,
    /// Where the editor's cursor goes (a problem clicked): line, column, and a count of clicks.
    pub go_to: Option<(usize, usize, u32)>,
    /// The engine's view of the files now.
    pub checked: Rc<Checked>,
    /// The engine's view of the files as opened.
    pub published: Rc<Checked>,
    /// The last form's outcome: done, or why not.
    pub note: Option<Result<String, String>>,
    /// The answers given so far in the preview (to save as a case).
    pub preview_answers: Rc<Vec<Given>>,
    /// A folder's files with several packs: which one to open is asked first.
    pub pending: Option<Rc<Vec<SourceFile>>>,
}

/// What happens in the studio.
pub enum Action {
    SetLang(Lang),
    SetTab(Tab),
    Open(Workspace),
    Select(usize),
    /// Shows this place (file, line, column) in the editor.
    GoTo(usize, usize, usize),
    /// New text of a file (typed in the editor, or written by a form).
    Text(usize, String),
    Note(Result<String, String>),
    /// The answers given in the preview changed.
    PreviewAnswers(Vec<Given>),
    /// Files chosen on the computer: opened when they hold one pack, else which one is asked.
    Chosen(Vec<SourceFile>),
    /// These files were saved with these texts.
    Saved(Vec<(usize, String)>),
}

impl Studio {
    /// The studio before anything is open.
    pub fn new(lang: Lang, today: Date) -> Studio {
        Studio {
            lang,
            today,
            tab: Tab::Review,
            workspace: None,
            current: 0,
            go_to: None,
            checked: Rc::default(),
            published: Rc::default(),
            note: None,
            preview_answers: Rc::default(),
            pending: None,
        }
    }
}

impl Reducible for Studio {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::SetTab(tab) => next.tab = tab,
            Action::Open(workspace) => {
                next.checked = Rc::new(check(&workspace.files, self.today));
                next.published = next.checked.clone();
                next.current = Workspace::pack_index(&workspace.files);
                next.workspace = Some(workspace);
                next.tab = Tab::Review;
                next.note = None;
                next.pending = None;
            }
            Action::Chosen(files) => {
                let packs = Workspace::packs_among(&files);
                match packs.as_slice() {
                    [one] => {
                        if let Some(workspace) = Workspace::of_pack(one, &files) {
                            return self.reduce(Action::Open(workspace));
                        }
                    }
                    // Files without a pack.toml: the one with a [pack] table is the pack file.
                    [] if !files.is_empty() => {
                        let id = files[Workspace::pack_index(&files)]
                            .name
                            .trim_end_matches(".toml")
                            .to_string();
                        return self.reduce(Action::Open(Workspace::new(&id, files)));
                    }
                    _ => next.pending = Some(Rc::new(files)),
                }
            }
            Action::Saved(saved) => {
                if let Some(workspace) = &mut next.workspace {
                    for (index, text) in saved {
                        if let Some(s) = workspace.saved.get_mut(index) {
                            *s = text;
                        }
                    }
                }
            }
            Action::Select(index) => next.current = index,
            Action::GoTo(index, line, column) => {
                let count = self.go_to.map_or(0, |(_, _, n)| n.wrapping_add(1));
                next.current = index;
                next.tab = Tab::Edit;
                next.go_to = Some((line, column, count));
            }
            Action::Text(index, text) => {
                let Some(workspace) = &self.workspace else {
                    return self;
                };
                if workspace.files.get(index).is_none_or(|f| f.text == text) {
                    return self;
                }
                let workspace = workspace.with_text(index, text);
                next.checked = Rc::new(check(&workspace.files, self.today));
                next.workspace = Some(workspace);
            }
            Action::Note(note) => next.note = Some(note),
            Action::PreviewAnswers(given) => next.preview_answers = Rc::new(given),
        }
        Rc::new(next)
    }
}
